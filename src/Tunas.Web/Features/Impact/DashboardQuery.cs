using System.Globalization;
using Tunas.Web.Features.Regions;

namespace Tunas.Web.Features.Impact;

/// <summary>The dashboard's query string as typed (page and API alike), read into a <see cref="DashboardFilter"/> or errors.</summary>
public sealed record DashboardQuery(
    string? ProgramId = null, string? Year = null, string? DistrictCode = null, string? VillageCode = null,
    string? TrackId = null, string? ProviderId = null, string? CohortId = null)
{
    public const string NumberMessage = "'{0}' must be a whole number.";
    public const string YearMessage = "The year must be between 2000 and 2100.";
    public const string DistrictMessage = "The kecamatan code must look like 35.72.01.";
    public const string VillageMessage = "The kelurahan code must look like 35.72.01.1001.";

    /// <summary>The filter, or the errors per field (English message keys and their arguments).</summary>
    public (DashboardFilter? Filter, Dictionary<string, (string Message, string[] Args)> Errors) Read()
    {
        var errors = new Dictionary<string, (string, string[])>(StringComparer.Ordinal);
        int? Number(string field, string? text)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                return null;
            }
            if (int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0)
            {
                return n;
            }
            errors[field] = (NumberMessage, [field]);
            return null;
        }
        string? Code(string field, string? text, RegionLevel level, string message)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                return null;
            }
            var code = text.Trim();
            if (Region.LevelOf(code) != level || code.Any(c => c is not ('.' or (>= '0' and <= '9'))) || code.Split('.').Any(p => p.Length == 0))
            {
                errors[field] = (message, []);
                return null;
            }
            return code;
        }
        var filter = new DashboardFilter(
            Number("programId", ProgramId), Number("year", Year),
            Code("districtCode", DistrictCode, RegionLevel.District, DistrictMessage),
            Code("villageCode", VillageCode, RegionLevel.Village, VillageMessage),
            Number("trackId", TrackId), Number("providerId", ProviderId), Number("cohortId", CohortId));
        if (filter.Year is < 2000 or > 2100)
        {
            errors["year"] = (YearMessage, []);
        }
        return (errors.Count == 0 ? filter : null, errors);
    }
}
