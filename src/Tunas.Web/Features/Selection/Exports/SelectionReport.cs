using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tunas.Web.Data;
using Tunas.Web.Features.Agencies;
using Tunas.Web.Features.Applications;
using Tunas.Web.Features.Programs;
using Tunas.Web.Features.Regions;
using Tunas.Web.Features.Shared;
using Tunas.Web.Features.Shared.Documents;
using Tunas.Web.Infrastructure;

namespace Tunas.Web.Features.Selection.Exports;

/// <summary>
/// The berita acara hasil seleksi: the record of a run that the agency signs. The program and the run (who, when, the
/// seed and the inputs fingerprint that let anyone repeat it), the rules applied, seats, selected and waiting per
/// kelurahan and track, the selected by name (NIK masked: the document is posted and copied), then place, date and the
/// agency's signatory (name, title, NIP, from the agency settings).
/// </summary>
public sealed class SelectionReport(TunasDb db, RegionDirectory regions, TimeProvider clock, IStringLocalizer<SharedResource> L)
{
    public async Task<byte[]> CreateAsync(TrainingProgram program, SelectionRun run, Agency agency, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(program);
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(agency);
        var villages = await regions.VillagesAsync(ct);
        var tracks = program.Tracks.ToDictionary(t => (long)t.Id, t => t.Name);
        string Village(string code) => villages.TryGetValue(code, out var v) ? v.Name : code;
        string Track(long? id) => id is { } t ? tracks.GetValueOrDefault(t, "?") : L["Any track"];

        using var pdf = new PdfWriter(L["Selection report"]);
        pdf.Centered(agency.Name.ToUpper(CultureInfo.GetCultureInfo("id-ID")), bold: true);
        if (agency.Address is { } address)
        {
            pdf.Centered(address);
        }
        pdf.Space(10);
        pdf.Title(L["Selection report"].Value.ToUpper(CultureInfo.GetCultureInfo("id-ID")));
        pdf.Centered(L["Run {0} of {1}", run.Number, program.Name]);
        pdf.Space(8);

        pdf.Field(L["Program"], $"{program.Name} ({program.Year.ToString(CultureInfo.InvariantCulture)})");
        pdf.Field(L["Selection run"], $"{run.Number.ToString(CultureInfo.InvariantCulture)} · {SelectionLabels.Run(run.Status, L)}");
        pdf.Field(L["Run by"], $"{run.RunByName}, {DateText.Time(run.RunAt)}");
        if (run.PublishedAt is { } published)
        {
            pdf.Field(L["Published"], DateText.Time(published));
        }
        pdf.Field(L["Reference date"], DateText.Date(run.ReferenceDate));
        pdf.Field(L["Tie-break seed"], run.Seed);
        pdf.Field(L["Inputs fingerprint"], run.InputsHash);
        pdf.Field(L["Result"], L["{0} applicants: {1} selected, {2} on the waitlist, {3} not selected, {4} ineligible.",
            run.Applicants, run.Selected, run.Waitlisted, run.NotSelected, run.Ineligible]);

        if (JsonSerializer.Deserialize<FrozenSettings>(run.SettingsJson, DecisionJson.Options) is { } rules)
        {
            pdf.Heading(L["Rules applied"]);
            string Or(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "–";
            pdf.Field(L["Age"], $"{Or(rules.MinAge)}–{Or(rules.MaxAge)}");
            pdf.Field(L["Maximum desil"], Or(rules.MaxDesil));
            pdf.Field(L["Domicile"], rules.DomicileRegencyCode ?? "–");
            pdf.Field(L["Per family card"], Or(rules.MaxPerHousehold));
            pdf.Field(L["Not trained within (years)"], Or(rules.ExcludeTrainedWithinYears));
            pdf.Field(L["Score"], L["Weights: youth {0}, women {1}", rules.YouthWeight, rules.WomenWeight]);
        }

        pdf.Heading(L["Seats and results per kelurahan and track"]);
        var quotaWidths = new double[] { 150, 130, 50, 85, 80 };
        pdf.Row([L["Kelurahan/desa"], L["Track"], L["Seats"], L["Selected"], L["Waitlist"]], quotaWidths, header: true);
        var quotas = JsonSerializer.Deserialize<List<Quota>>(run.QuotasJson, DecisionJson.Options) ?? [];
        var counts = await db.SelectionDecisions.AsNoTracking().Where(d => d.AgencyId == run.AgencyId && d.RunId == run.Id && d.TrackId != null)
            .GroupBy(d => new { d.QuotaRegion, d.TrackId, d.Status })
            .Select(g => new { g.Key.QuotaRegion, g.Key.TrackId, g.Key.Status, Count = g.Count() })
            .ToListAsync(ct);
        int Count(string region, long? track, params DecisionStatus[] statuses) =>
            counts.Where(c => c.QuotaRegion == region && (track is null || c.TrackId == track) && statuses.Contains(c.Status)).Sum(c => c.Count);
        foreach (var q in quotas.OrderBy(q => Village(q.Region), StringComparer.Ordinal).ThenBy(q => q.TrackId))
        {
            pdf.Row([Village(q.Region), Track(q.TrackId), Text(q.Size),
                Text(Count(q.Region, q.TrackId, DecisionStatus.Selected, DecisionStatus.Promoted)),
                Text(Count(q.Region, q.TrackId, DecisionStatus.Waitlisted))], quotaWidths);
        }

        pdf.Heading(L["Selected applicants"]);
        var widths = new double[] { 26, 100, 95, 36, 88, 150 };
        pdf.Row([L["No."], L["Kelurahan/desa"], L["Track"], L["Rank"], L["Registration number"], L["Name"]], widths, header: true);
        var selected = (
            from d in db.SelectionDecisions.AsNoTracking()
            where d.AgencyId == run.AgencyId && d.RunId == run.Id && (d.Status == DecisionStatus.Selected || d.Status == DecisionStatus.Promoted)
            join a in db.Applications on d.ApplicationId equals a.Id
            join p in db.Persons on a.PersonId equals p.Id
            orderby d.QuotaRegion, d.TrackId, d.Rank, d.RegistrationNumber
            select new { d.QuotaRegion, d.TrackId, d.Rank, d.RegistrationNumber, p.FullName })
            .AsAsyncEnumerable().WithCancellation(ct);
        var n = 0;
        await foreach (var s in selected)
        {
            pdf.Row([Text(++n), Village(s.QuotaRegion), Track(s.TrackId), s.Rank is { } r ? Text(r) : "–", s.RegistrationNumber, s.FullName], widths);
        }
        if (n == 0)
        {
            pdf.Paragraph(L["Nobody is selected in this run."]);
        }

        pdf.Space(20);
        var place = await PlaceAsync(agency, ct);
        var today = clock.TodayInIndonesia().ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("id-ID"));
        pdf.Signature(
            [place is null ? today : $"{place}, {today}", agency.SignatoryTitle ?? agency.HeadTitle ?? ""],
            [agency.SignatoryName ?? agency.HeadName ?? "(.................................)",
                agency.SignatoryEmployeeNumber is { Length: > 0 } nip ? "NIP " + nip : ""]);
        return pdf.ToBytes((page, pages) => L["Page {0} of {1}", page, pages]);
    }

    /// <summary>The agency's city or regency as a place name: "KOTA BLITAR" becomes "Kota Blitar".</summary>
    private async Task<string?> PlaceAsync(Agency agency, CancellationToken ct)
    {
        if (agency.RegencyCode is not { } code || !(await regions.UpperLevelsAsync(ct)).TryGetValue(code, out var regency))
        {
            return null;
        }
        var id = CultureInfo.GetCultureInfo("id-ID");
        return id.TextInfo.ToTitleCase(regency.Name.ToLower(id));
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
