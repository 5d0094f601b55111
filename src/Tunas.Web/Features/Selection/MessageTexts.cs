using System.Globalization;
using Microsoft.Extensions.Options;
using Tunas.Web.Features.Applications;
using Tunas.Web.Features.Shared.Messaging;

namespace Tunas.Web.Features.Selection;

/// <summary>A message ready for the outbox: its subject (e-mail) and its body (every channel).</summary>
public sealed record MessageText(string Subject, string Body);

/// <summary>The program's dates a result message tells: the appeal deadline and the training.</summary>
public sealed record ProgramDates(DateOnly? AppealCloses, DateOnly? TrainingStarts, DateOnly? TrainingEnds)
{
    public static readonly ProgramDates None = new(null, null, null);
}

/// <summary>
/// The messages to residents, in Bahasa Indonesia whatever the staff's language: they are stored already written
/// (the outbox keeps what was sent). Short, friendly, with the registration number and the status page as an
/// absolute link (<see cref="PublicAddress"/>); the score in points, dates as people write them; never a NIK.
/// </summary>
public sealed class MessageTexts(IOptions<MessagingOptions> options, PublicAddress? address = null)
{
    public const string StatusPath = "/Status";
    public const string AppealPath = "/Appeal";

    private const int MaxAnswerLength = 1500;

    private static readonly CultureInfo Indonesian = CultureInfo.GetCultureInfo("id-ID");

    private readonly PublicAddress _address = address ?? new PublicAddress(options, new ConfigurationBuilder().Build());

    /// <summary>Where a resident checks their application: the public site's status page, always an absolute address.</summary>
    public string StatusUrl => _address.Link(StatusPath);

    /// <summary>Where a resident lodges an appeal (sanggahan).</summary>
    public string AppealUrl => _address.Link(AppealPath);

    /// <summary>A date as people write it in Indonesian: 13 Oktober 2025.</summary>
    public static string Date(DateOnly date) => date.ToString("d MMMM yyyy", Indonesian);

    /// <summary>The result of a published selection (or a later change of it) for one applicant.</summary>
    /// <param name="score">The selection score, told in points ("poin") to those not selected, so that it is never read as a desil.</param>
    public MessageText SelectionResult(string programName, string registrationNumber, DecisionStatus status, int? rank, int? waitlistPosition, int? score = null, ProgramDates? dates = null)
    {
        dates ??= ProgramDates.None;
        var body = status switch
        {
            DecisionStatus.Selected => $"Selamat, Anda terpilih sebagai peserta {programName}{Rank(rank)}. {Training(dates)}",
            DecisionStatus.Promoted => PromotionBody(programName, dates),
            DecisionStatus.Waitlisted => $"Anda masuk daftar tunggu {programName}{Position(waitlistPosition)}.{Points(score)} Bila ada kursi kosong, Anda akan kami kabari.",
            DecisionStatus.NotSelected => $"Terima kasih sudah mendaftar {programName}. Mohon maaf, Anda belum terpilih kali ini.{Points(score)} Rincian nilai ada di halaman status. {Appeal(dates)}",
            DecisionStatus.Ineligible => $"Terima kasih sudah mendaftar {programName}. Mohon maaf, pendaftaran Anda belum memenuhi syarat program. Alasannya ada di halaman status. {Appeal(dates)}",
            DecisionStatus.Withdrawn => $"Pengunduran diri Anda dari {programName} sudah kami catat. Terima kasih sudah memberi tahu.",
            _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
        };
        return new($"Hasil seleksi {programName}", Finish(body, registrationNumber));
    }

    /// <summary>A waitlisted applicant who now has a seat (after a withdrawal or an appeal).</summary>
    public MessageText Promotion(string programName, string registrationNumber, ProgramDates? dates = null) =>
        new($"Anda terpilih: {programName}", Finish(PromotionBody(programName, dates ?? ProgramDates.None), registrationNumber));

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

    private static string PromotionBody(string programName, ProgramDates dates) =>
        $"Kabar baik! Ada kursi kosong di {programName} dan Anda naik dari daftar tunggu menjadi peserta. {Training(dates)}";

    /// <summary>When the training is, as far as the program says; the place follows from the training provider.</summary>
    private static string Training(ProgramDates dates) => (dates.TrainingStarts, dates.TrainingEnds) switch
    {
        ({ } start, { } end) when end > start => $"Pelatihan dijadwalkan {Date(start)} sampai {Date(end)}; tempatnya akan kami kabarkan.",
        ({ } start, _) => $"Pelatihan dijadwalkan mulai {Date(start)}; tempatnya akan kami kabarkan.",
        _ => "Jadwal dan tempat pelatihan akan kami kabarkan.",
    };

    /// <summary>How to appeal: the page and, when the program sets one, the last day.</summary>
    private string Appeal(ProgramDates dates) => dates.AppealCloses is { } closes
        ? $"Bila Anda keberatan, ajukan sanggahan di {AppealUrl} paling lambat {Date(closes)}."
        : $"Bila Anda keberatan, ajukan sanggahan di {AppealUrl}.";

    private static string Points(int? score) => score is { } s ? $" Nilai seleksi Anda {s.ToString("N0", Indonesian)} poin." : "";

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
