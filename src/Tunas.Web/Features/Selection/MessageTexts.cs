using System.Globalization;
using Microsoft.Extensions.Options;
using Tunas.Web.Features.Applications;
using Tunas.Web.Features.Shared.Messaging;

namespace Tunas.Web.Features.Selection;

/// <summary>A message ready for the outbox: its subject (e-mail) and its body (every channel).</summary>
public sealed record MessageText(string Subject, string Body);

/// <summary>
/// The messages to residents, in Bahasa Indonesia whatever the staff's language: they are stored already written
/// (the outbox keeps what was sent). Short, friendly, with the registration number and the status page; never a NIK.
/// </summary>
public sealed class MessageTexts(IOptions<MessagingOptions> options)
{
    public const string StatusPath = "/Status";

    private const int MaxAnswerLength = 1500;

    private static readonly CultureInfo Indonesian = CultureInfo.GetCultureInfo("id-ID");

    /// <summary>Where a resident checks their application: the public site's status page, or its path alone.</summary>
    public string StatusUrl => (options.Value.PublicBaseUrl?.Trim().TrimEnd('/') ?? "") + StatusPath;

    /// <summary>The result of a published selection (or a later change of it) for one applicant.</summary>
    public MessageText SelectionResult(string programName, string registrationNumber, DecisionStatus status, int? rank, int? waitlistPosition)
    {
        var body = status switch
        {
            DecisionStatus.Selected => $"Selamat, Anda terpilih sebagai peserta {programName}{Rank(rank)}. Jadwal dan tempat pelatihan akan kami kabarkan.",
            DecisionStatus.Promoted => PromotionBody(programName),
            DecisionStatus.Waitlisted => $"Anda masuk daftar tunggu {programName}{Position(waitlistPosition)}. Bila ada kursi kosong, Anda akan kami kabari.",
            DecisionStatus.NotSelected => $"Terima kasih sudah mendaftar {programName}. Mohon maaf, Anda belum terpilih kali ini. Rincian nilai dan cara mengajukan sanggahan ada di halaman status.",
            DecisionStatus.Ineligible => $"Terima kasih sudah mendaftar {programName}. Mohon maaf, pendaftaran Anda belum memenuhi syarat program. Alasannya dan cara mengajukan sanggahan ada di halaman status.",
            DecisionStatus.Withdrawn => $"Pengunduran diri Anda dari {programName} sudah kami catat. Terima kasih sudah memberi tahu.",
            _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
        };
        return new($"Hasil seleksi {programName}", Finish(body, registrationNumber));
    }

    /// <summary>A waitlisted applicant who now has a seat (after a withdrawal or an appeal).</summary>
    public MessageText Promotion(string programName, string registrationNumber) =>
        new($"Anda terpilih: {programName}", Finish(PromotionBody(programName), registrationNumber));

    /// <summary>The answer to an appeal (sanggahan), upheld or not, with the officer's words.</summary>
    public MessageText AppealAnswer(string programName, string registrationNumber, bool upheld, string answer)
    {
        var verdict = upheld
            ? $"Sanggahan Anda untuk {programName} kami terima."
            : $"Sanggahan Anda untuk {programName} sudah kami periksa dan belum dapat kami terima.";
        var words = Sentence(answer);
        var body = words.Length == 0 ? verdict : $"{verdict} Jawaban petugas: {words}";
        return new($"Jawaban sanggahan {programName}", Finish(body, registrationNumber));
    }

    /// <summary>The receipt of an application: keep the number, it opens the status page.</summary>
    public MessageText ApplicationReceived(string programName, string registrationNumber) =>
        new($"Pendaftaran diterima: {programName}",
            $"Pendaftaran Anda untuk {programName} sudah kami terima. No. pendaftaran: {registrationNumber}. "
            + $"Simpan nomor ini: dengan nomor ini dan tanggal lahir Anda, cek status di {StatusUrl}");

    private static string PromotionBody(string programName) =>
        $"Kabar baik! Ada kursi kosong di {programName} dan Anda naik dari daftar tunggu menjadi peserta. Jadwal dan tempat pelatihan akan kami kabarkan.";

    private string Finish(string body, string registrationNumber) =>
        $"{body} No. pendaftaran: {registrationNumber}. Cek status di {StatusUrl}";

    private static string Rank(int? rank) => rank is { } r ? $" (peringkat {r.ToString("N0", Indonesian)})" : "";

    private static string Position(int? position) => position is { } p ? $" nomor {p.ToString("N0", Indonesian)}" : "";

    /// <summary>The officer's answer on one line, not too long, ending like a sentence.</summary>
    private static string Sentence(string? text)
    {
        var words = string.Join(' ', (text ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (words.Length > MaxAnswerLength)
        {
            words = words[..(MaxAnswerLength - 1)].TrimEnd() + "…";
        }
        return words.Length == 0 || words[^1] is '.' or '!' or '?' or '…' ? words : words + ".";
    }
}
