using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using Tunas.Web;
using Tunas.Web.Features.Shared.Documents;
using Tunas.Web.Features.Shared.Messaging;
using Tunas.Web.Features.Training.Certificates;

namespace Tunas.Bench;

/// <summary>
/// A 100-person cohort's certificates (A4 PDFs in Indonesian with the QR code of the public check), made one after
/// another as the cohort's ZIP makes them. Baseline: PDFsharp writing an empty A4 page, as many times, in the same run.
/// </summary>
internal static class CertificatesScenario
{
    public static void Run(int people)
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("id-ID");
        var factory = new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions { ResourcesPath = "Resources" }), NullLoggerFactory.Instance);
        var address = new PublicAddress(Options.Create(new MessagingOptions { PublicBaseUrl = "https://tunas.blitarkota.go.id" }),
            new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build());
        var document = new CertificateDocument(address, new StringLocalizer<SharedResource>(factory));
        var context = new CertificateContext(
            ["Pembukaan dan pengenalan alat", "Teknik menjahit dasar", "Pola dan potong", "Manajemen usaha", "Pembukuan sederhana", "Pemasaran digital", "Perizinan usaha (NIB)"],
            "Dinas Sosial Kota Blitar", "Dra. Siti Rahayu, M.Si.", "Kepala Dinas Sosial", "196805121990032004");
        var certificates = Enumerable.Range(1, people).Select(Certificate).ToList();

        // Warm-up: fonts, JIT, the QR encoder.
        document.Render(certificates[0], context);
        Empty();

        var sizes = new List<int>(people);
        var watch = Stopwatch.StartNew();
        foreach (var c in certificates)
        {
            sizes.Add(document.Render(c, context).Length);
        }
        var seconds = watch.Elapsed.TotalSeconds;
        watch.Restart();
        var emptyBytes = 0;
        for (var i = 0; i < people; i++)
        {
            emptyBytes = Empty().Length;
        }
        var baseline = watch.Elapsed.TotalSeconds;

        var memory = string.Create(CultureInfo.InvariantCulture, $"process peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:F0} MB");
        Report.Line(string.Create(CultureInfo.InvariantCulture, $"certificates, {people} PDFs with QR"), seconds, baseline, "s", memory);
        Report.Line("certificate, one PDF", seconds * 1000 / people, baseline * 1000 / people, "ms");
        Report.Line("certificate PDF size (mean)", sizes.Average() / 1024, emptyBytes / 1024.0, "KB",
            string.Create(CultureInfo.InvariantCulture, $"largest {sizes.Max() / 1024.0:F1} KB"));
    }

    private static Certificate Certificate(int i) => new()
    {
        Id = i,
        AgencyId = 1,
        ProgramId = 1,
        CohortId = 1,
        ParticipantId = i,
        Sequence = i,
        Number = string.Create(CultureInfo.InvariantCulture, $"TNS/2025/MNJ/{i:0000}"),
        VerificationCode = VerificationCodes.New(),
        HolderName = "Peserta Pelatihan Nomor " + i.ToString(CultureInfo.InvariantCulture),
        TrackName = "Menjahit",
        ProviderName = "Modes Al Amin",
        StartsOn = new DateOnly(2025, 10, 13),
        EndsOn = new DateOnly(2025, 10, 22),
        Hours = 64,
        IssuedAt = DateTime.UtcNow,
    };

    /// <summary>The raw floor: PDFsharp saving one empty A4 page, fonts registered as the app registers them.</summary>
    private static byte[] Empty()
    {
        DejaVuFonts.Register();
        using var pdf = new PdfDocument();
        var page = pdf.AddPage();
        page.Size = PdfSharp.PageSize.A4;
        using (XGraphics.FromPdfPage(page))
        {
        }
        using var bytes = new MemoryStream();
        pdf.Save(bytes, closeStream: false);
        return bytes.ToArray();
    }
}
