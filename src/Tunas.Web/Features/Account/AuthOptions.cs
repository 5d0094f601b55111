namespace Tunas.Web.Features.Account;

/// <summary>API tokens, section <c>Auth</c>.</summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    /// <summary>API token signing key (at least 32 characters). Empty: a key is generated once and kept in the database.</summary>
    public string? TokenKey { get; set; }

    public int TokenLifetimeHours { get; set; } = 8;
}
