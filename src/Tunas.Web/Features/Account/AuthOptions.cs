namespace Tunas.Web.Features.Account;

/// <summary>API tokens and sign-in, section <c>Auth</c>.</summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    /// <summary>API token signing key (at least 32 characters). Empty: a key is generated once and kept in the database.</summary>
    public string? TokenKey { get; set; }

    public int TokenLifetimeHours { get; set; } = 8;

    /// <summary>How long a server trusts what it last read of a token's user (lock, roles, security stamp); at most 60, 0 reads it every request.</summary>
    public int AccountCheckSeconds { get; set; } = 60;

    /// <summary>Password tries a minute per client address, page and API together (at least 10).</summary>
    public int SignInPerMinute { get; set; } = 20;
}
