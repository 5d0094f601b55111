using Tunas.Web.Features.Regions;

namespace Tunas.Web.Features.Regions;

/// <summary>
/// What the cascading picker (_RegionPicker.cshtml) needs: the field's name and value, the fixed part
/// (e.g. the agency's regency <c>35.72</c>, so an operator picks only kecamatan and kelurahan) and how deep to go.
/// </summary>
public sealed record RegionPickerModel(string FieldName, string? Value, string? Root = null, RegionLevel Depth = RegionLevel.Village, string? Label = null)
{
    public string Id => FieldName.Replace('.', '_');

    public IEnumerable<RegionLevel> Levels =>
        Enum.GetValues<RegionLevel>().Where(l => l > (Root is null ? 0 : Region.LevelOf(Root) ?? 0) && l <= Depth);
}
