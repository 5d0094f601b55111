using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Tunas.Web.Features.Applications;
using Tunas.Web.Features.Selection;
using Tunas.Web.Features.Shared.Messaging;

namespace Tunas.UnitTests.Features.Selection;

/// <summary>Issue 12: absolute links, the score in points, dates as people write them, and how to appeal.</summary>
public class MessageTextsPlainWordsTests
{
    private const string Program = "Pelatihan Keterampilan Wirausaha 2025";
    private const string Number = "TNS-25-7K3Q-9MXD";
    private const string Site = "https://tunas.blitarkota.go.id";

    private static MessageTexts Texts(string? baseUrl = Site) => new(Options.Create(new MessagingOptions { PublicBaseUrl = baseUrl }));

    [Fact]
    public void TheScoreIsToldInPointsNeverAsADesil()
    {
        var notSelected = Texts().SelectionResult(Program, Number, DecisionStatus.NotSelected, null, null, score: 1250);
        var waitlisted = Texts().SelectionResult(Program, Number, DecisionStatus.Waitlisted, 40, 3, score: 900);

        Assert.Contains("Nilai seleksi Anda 1.250 poin.", notSelected.Body, StringComparison.Ordinal);
        Assert.Contains("Nilai seleksi Anda 900 poin.", waitlisted.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("esil", notSelected.Body + waitlisted.Body, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData(2025, 10, 13, "13 Oktober 2025")]
    [InlineData(2026, 1, 2, "2 Januari 2026")]
    [InlineData(2025, 8, 17, "17 Agustus 2025")]
    [InlineData(2025, 12, 31, "31 Desember 2025")]
    public void DatesAreWrittenAsPeopleWriteThemInIndonesian(int year, int month, int day, string expected) =>
        Assert.Equal(expected, MessageTexts.Date(new DateOnly(year, month, day)));

    [Theory]
    [InlineData(DecisionStatus.Ineligible)]
    [InlineData(DecisionStatus.NotSelected)]
    public void ANegativeResultSaysWhereAndUntilWhenToAppeal(DecisionStatus status)
    {
        var dates = new ProgramDates(new DateOnly(2025, 10, 13), null, null);

        var text = Texts().SelectionResult(Program, Number, status, null, null, score: 700, dates);

        Assert.Contains($"Bila Anda keberatan, ajukan sanggahan di {Site}/Appeal paling lambat 13 Oktober 2025.", text.Body, StringComparison.Ordinal);
        Assert.EndsWith($"Cek status di {Site}/Status", text.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("2025-10-13", text.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void AnIneligibleApplicantWithoutADeadlineIsStillToldWhereToAppeal()
    {
        var text = Texts().SelectionResult(Program, Number, DecisionStatus.Ineligible, null, null);

        Assert.Contains($"belum memenuhi syarat program. Alasannya ada di halaman status. Bila Anda keberatan, ajukan sanggahan di {Site}/Appeal.", text.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void TheSelectedAndThePromotedAreToldWhenTheTrainingIs()
    {
        var dates = new ProgramDates(null, new DateOnly(2025, 11, 3), new DateOnly(2025, 11, 14));

        var selected = Texts().SelectionResult(Program, Number, DecisionStatus.Selected, 3, null, score: 1500, dates);
        var promoted = Texts().Promotion(Program, Number, dates);

        const string Training = "Pelatihan dijadwalkan 3 November 2025 sampai 14 November 2025; tempatnya akan kami kabarkan.";
        Assert.Contains(Training, selected.Body, StringComparison.Ordinal);
        Assert.Contains(Training, promoted.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void WithoutAConfiguredAddressLinksFollowTheRequestsHostAndRememberIt()
    {
        var accessor = new HttpContextAccessor();
        var options = Options.Create(new MessagingOptions());
        var address = new PublicAddress(options, new ConfigurationBuilder().Build(), accessor);
        var texts = new MessageTexts(options, address);
        var request = new DefaultHttpContext();
        request.Request.Scheme = "https";
        request.Request.Host = new HostString("tunas.kotauji.go.id");
        accessor.HttpContext = request;

        Assert.Equal("https://tunas.kotauji.go.id/Status", texts.StatusUrl);
        accessor.HttpContext = null; // a background job after that request
        Assert.Equal("https://tunas.kotauji.go.id/Appeal", texts.AppealUrl);
    }

    [Fact]
    public void WithNoRequestEverTheAppsOwnAddressIsUsedNeverABarePath()
    {
        var options = Options.Create(new MessagingOptions());
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["urls"] = "http://*:8080;https://*:8443" }).Build();

        var texts = new MessageTexts(options, new PublicAddress(options, configuration));

        Assert.Equal("http://localhost:8080/Status", texts.StatusUrl);
    }

    [Theory]
    [InlineData("tunas.blitarkota.go.id", false)]
    [InlineData("ftp://tunas.blitarkota.go.id", false)]
    [InlineData("/Status", false)]
    [InlineData("https://tunas.blitarkota.go.id/?a=1", false)]
    [InlineData("https://tunas.blitarkota.go.id", true)]
    [InlineData("http://10.0.0.5:8080/tunas/", true)]
    public void ThePublicAddressMustBeAnAbsoluteHttpAddress(string value, bool usable)
    {
        var problems = new MessagingOptions { PublicBaseUrl = value }.Problems();

        Assert.Equal(usable, problems.Count == 0);
        if (!usable)
        {
            Assert.Contains(problems, p => p.StartsWith("Messages:PublicBaseUrl", StringComparison.Ordinal));
        }
    }
}
