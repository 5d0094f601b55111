namespace Tunas.BrowserTests.Infrastructure;

/// <summary>
/// An app with a user of every role (<see cref="RoleUsers"/>) and no rate limits, for journeys that sign several people in
/// from one address; <see cref="SeededAsync"/> adds the journey's own data after the users.
/// </summary>
public abstract class StaffFixture : BrowserFixture
{
    protected override void Configure(BrowserAppFactory app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.Settings["RateLimiting:Enabled"] = "false";
    }

    protected sealed override async Task StartedAsync(BrowserAppFactory app)
    {
        await RoleUsers.SeedAsync(app);
        await SeededAsync(app);
    }

    protected abstract Task SeededAsync(BrowserAppFactory app);
}
