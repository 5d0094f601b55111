using Tunas.IntegrationTests.Infrastructure;

namespace Tunas.IntegrationTests.Features.Home;

public sealed class ConfigurationTests
{
    [Fact]
    public async Task AnUnknownDatabaseProviderStopsStartUpWithAClearMessage()
    {
        await using var app = new TunasFactory();
        app.Settings["Database:Provider"] = "Oracle";

        var error = Assert.ThrowsAny<Exception>(() => app.CreateClient());

        Assert.Contains("Database:Provider 'Oracle' is not supported", Flatten(error), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnknownAgencyRegencyStopsStartUpWithAClearMessage()
    {
        await using var app = new TunasFactory();
        app.Settings["Agency:RegencyCode"] = "35.99";

        var error = Assert.ThrowsAny<Exception>(() => app.CreateClient());

        Assert.Contains("Agency:RegencyCode '35.99' is not a regency/city code", Flatten(error), StringComparison.Ordinal);
    }

    private static string Flatten(Exception e) => e.InnerException is null ? e.Message : e.Message + " | " + Flatten(e.InnerException);
}
