using Microsoft.Extensions.Options;
using Tunas.Web.Features.Applications;
using Tunas.Web.Features.Messages;
using Tunas.Web.Features.Selection;
using Tunas.Web.Features.Shared.Messaging;

namespace Tunas.UnitTests.Features.Selection;

public class MessageTextsTests
{
    private const string Program = "Pelatihan Keterampilan Wirausaha 2025";
    private const string Number = "TNS-25-7K3Q-9MXD";

    private static MessageTexts Texts(string? baseUrl = "https://tunas.blitarkota.go.id/") =>
        new(Options.Create(new MessagingOptions { PublicBaseUrl = baseUrl }));

    [Fact]
    public void ASelectedApplicantIsCongratulatedWithRankNumberAndStatusLink()
    {
        var text = Texts().SelectionResult(Program, Number, DecisionStatus.Selected, rank: 3, waitlistPosition: null);

        Assert.Equal($"Hasil seleksi {Program}", text.Subject);
        Assert.Equal(
            $"Selamat, Anda terpilih sebagai peserta {Program} (peringkat 3). Jadwal dan tempat pelatihan akan kami kabarkan. "
            + $"No. pendaftaran: {Number}. Cek status di https://tunas.blitarkota.go.id/Status",
            text.Body);
    }

    [Fact]
    public void AWaitlistedApplicantLearnsTheirPlaceInTheQueue()
    {
        var text = Texts().SelectionResult(Program, Number, DecisionStatus.Waitlisted, rank: 41, waitlistPosition: 1234);

        Assert.StartsWith($"Anda masuk daftar tunggu {Program} nomor 1.234.", text.Body, StringComparison.Ordinal);
        Assert.Contains($"No. pendaftaran: {Number}.", text.Body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(DecisionStatus.NotSelected, "belum terpilih kali ini")]
    [InlineData(DecisionStatus.Ineligible, "belum memenuhi syarat")]
    [InlineData(DecisionStatus.Promoted, "naik dari daftar tunggu")]
    [InlineData(DecisionStatus.Withdrawn, "Pengunduran diri Anda")]
    public void EveryOutcomeHasItsOwnFriendlyText(DecisionStatus status, string words)
    {
        var text = Texts(null).SelectionResult(Program, Number, status, rank: null, waitlistPosition: null);

        Assert.Contains(words, text.Body, StringComparison.Ordinal);
        Assert.Contains(Program, text.Body, StringComparison.Ordinal);
        Assert.EndsWith($"No. pendaftaran: {Number}. Cek status di http://localhost:5080/Status", text.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("peringkat", text.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void APromotionSaysASeatFreedUp()
    {
        var text = Texts().Promotion(Program, Number);

        Assert.Equal($"Anda terpilih: {Program}", text.Subject);
        Assert.StartsWith($"Kabar baik! Ada kursi kosong di {Program}", text.Body, StringComparison.Ordinal);
        Assert.EndsWith("Cek status di https://tunas.blitarkota.go.id/Status", text.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void AnAppealAnswerSaysUpheldOrNotWithTheOfficersWordsOnOneLine()
    {
        var upheld = Texts().AppealAnswer(Program, Number, upheld: true, "Data desil Anda  sudah\r\ndiperbaiki");
        var rejected = Texts().AppealAnswer(Program, Number, upheld: false, "Usia melebihi batas program.");

        Assert.Equal($"Jawaban sanggahan {Program}", upheld.Subject);
        Assert.StartsWith($"Sanggahan Anda untuk {Program} kami terima. Jawaban petugas: Data desil Anda sudah diperbaiki. No. pendaftaran: {Number}.", upheld.Body, StringComparison.Ordinal);
        Assert.Contains("belum dapat kami terima. Jawaban petugas: Usia melebihi batas program. No.", rejected.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void AVeryLongAnswerIsShortenedSoTheMessageStillFits()
    {
        var text = Texts().AppealAnswer(Program, Number, upheld: false, new string('x', 10_000));

        Assert.True(text.Body.Length < Outbox.MaxBodyLength);
        Assert.Contains("x…", text.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void TheReceiptAsksToKeepTheNumber()
    {
        var text = Texts("https://tunas.example.id").ApplicationReceived(Program, Number);

        Assert.Contains($"No. pendaftaran: {Number}. Simpan nomor ini", text.Body, StringComparison.Ordinal);
        Assert.EndsWith("cek status di https://tunas.example.id/Status", text.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void NoTextCarriesSixteenDigitsInARow()
    {
        var texts = Texts();
        var all = Enum.GetValues<DecisionStatus>().Select(s => texts.SelectionResult(Program, Number, s, 1, 1))
            .Append(texts.Promotion(Program, Number))
            .Append(texts.AppealAnswer(Program, Number, true, "Baik."))
            .Append(texts.ApplicationReceived(Program, Number));

        Assert.All(all, t => Assert.False(Outbox.HasNikLikeNumber(t.Subject + " " + t.Body)));
    }

    [Theory]
    [InlineData("NIK 3572034107880701.", true)]
    [InlineData("35720341078807011", true)]
    [InlineData("HP +6281234567890 (13 angka)", false)]
    [InlineData("3572 0341 0788 0701", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void SixteenDigitsInARowLookLikeANik(string? text, bool nik) =>
        Assert.Equal(nik, Outbox.HasNikLikeNumber(text));
}
