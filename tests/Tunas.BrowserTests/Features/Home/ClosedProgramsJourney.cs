using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tunas.BrowserTests.Infrastructure;
using Tunas.BrowserTests.Pages;
using Tunas.Web.Data;
using Tunas.Web.Features.Programs;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Tunas.BrowserTests.Features.Home;

public sealed class ClosedProgramsJourney(ConfiguredApp app, ITestOutputHelper output) : IClassFixture<ConfiguredApp>
{
    private const int PhoneWidth = 360;
    private static readonly string[] OtherPublicPages = ["/Status", "/Results", "/Appeal", "/Account/Login", "/About"];

    [BrowserFact]
    public Task NoPublicPageScrollsSidewaysOnAPhoneWhenEveryProgramIsClosed() => app.RunAsync(output, async page =>
    {
        await ClosedProgramAsync();
        var shell = new AppPage(page);

        await page.GotoAsync("/");
        await Expect(page.GetByTestId("open-programs")).ToContainTextAsync("tidak ada program pelatihan yang menerima pendaftaran");
        await Expect(page.GetByTestId("apply-now")).ToHaveCountAsync(0);
        Assert.InRange(await shell.ScrollWidthAsync(), 1, PhoneWidth);

        await page.GotoAsync("/Apply");
        await Expect(page.GetByTestId("program-closed")).ToBeVisibleAsync();
        Assert.InRange(await shell.ScrollWidthAsync(), 1, PhoneWidth);

        foreach (var url in OtherPublicPages)
        {
            await page.GotoAsync(url);
            Assert.True(await shell.ScrollWidthAsync() <= PhoneWidth, $"{url} scrolls sideways at {PhoneWidth} px");
        }
    }, new()
    {
        ViewportSize = new() { Width = PhoneWidth, Height = 740 },
        DeviceScaleFactor = 2,
        IsMobile = true,
        HasTouch = true,
    });

    /// <summary>A program with a long name whose registration closed yesterday: its note is the widest thing on /Apply.</summary>
    private async Task ClosedProgramAsync()
    {
        using var scope = app.App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TunasDb>();
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));
        db.Programs.Add(new TrainingProgram
        {
            AgencyId = await db.Agencies.OrderBy(a => a.Id).Select(a => a.Id).FirstAsync(),
            Name = "Pelatihan Keterampilan Wirausaha Menjahit dan Jajanan Gelombang Pertama " + today.Year,
            Year = today.Year,
            Status = ProgramStatus.Active,
            RegistrationOpens = today.AddDays(-30),
            RegistrationCloses = today.AddDays(-1),
            DomicileRegencyCode = "35.72",
            Seed = "uji",
            CreatedAt = DateTime.UtcNow,
            UpdatedAt = DateTime.UtcNow,
            Tracks = [new Track { Name = "Jajanan", SortOrder = 1 }],
        });
        await db.SaveChangesAsync();
    }
}
