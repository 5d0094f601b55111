namespace Tunas.Web.Features.Users;

/// <summary>The first administrator, section <c>Admin</c>: created at start when no user exists yet.</summary>
public sealed class AdminOptions
{
    public const string Section = "Admin";
    public string? Email { get; set; }
    public string? Password { get; set; }
}
