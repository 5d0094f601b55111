using System.Globalization;

namespace Tunas.Web.Features.Selection;

/// <summary>The messages residents receive about their selection; stored already written, in Indonesian.</summary>
internal static class SelectionTexts
{
    private static readonly CultureInfo Id = CultureInfo.GetCultureInfo("id-ID");

    public static string ResultSubject(string program) => $"Hasil seleksi {program}";

    public static string Result(string program, string number, DecisionStatus status, int? rank, int? waitlistPosition) => status switch
    {
        DecisionStatus.Selected or DecisionStatus.Promoted =>
            $"Selamat! Pendaftaran {number} untuk {program} TERPILIH sebagai peserta. Petugas akan menghubungi Anda tentang jadwal pelatihan. Rincian: menu Cek Status.",
        DecisionStatus.Waitlisted =>
            $"Pendaftaran {number} untuk {program} masuk DAFTAR TUNGGU nomor {(waitlistPosition ?? 0).ToString(Id)}. Jika ada peserta yang mundur, Anda akan dihubungi. Rincian: menu Cek Status.",
        DecisionStatus.Ineligible =>
            $"Pendaftaran {number} untuk {program} belum memenuhi syarat. Alasan dan nilai Anda ada di menu Cek Status; Anda dapat mengajukan sanggahan pada masa sanggah.",
        _ =>
            $"Pendaftaran {number} untuk {program} belum terpilih kali ini (peringkat {(rank ?? 0).ToString(Id)}). Rincian nilai ada di menu Cek Status; Anda dapat mengajukan sanggahan pada masa sanggah.",
    };

    public static string Promotion(string program, string number) =>
        $"Kabar baik! Pendaftaran {number} untuk {program} naik dari daftar tunggu dan kini TERPILIH sebagai peserta. Petugas akan menghubungi Anda tentang jadwal pelatihan.";

    public static string AppealAnswer(string program, string number, bool upheld, string answer) =>
        $"Jawaban sanggahan pendaftaran {number} ({program}): {(upheld ? "DITERIMA" : "DITOLAK")}. {answer} Hasil terbaru: menu Cek Status.";
}
