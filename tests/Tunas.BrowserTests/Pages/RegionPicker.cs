using Microsoft.Playwright;

namespace Tunas.BrowserTests.Pages;

/// <summary>
/// The cascading picker of Features/Regions/_RegionPicker.cshtml: one select per level, each filled from
/// <c>/api/v1/regions/{code}/children</c> when the one above is chosen; the dotted code goes into a hidden field.
/// </summary>
public sealed class RegionPicker(ILocator root)
{
    public const string Province = "Provinsi";
    public const string Regency = "Kabupaten/kota";
    public const string District = "Kecamatan";
    public const string Village = "Kelurahan/desa";

    public ILocator Root { get; } = root;

    /// <summary>The select of a level, by its (visually hidden) label, e.g. <see cref="District"/>.</summary>
    public ILocator Level(string label) => Root.GetByLabel(label, new() { Exact = true });

    /// <summary>The region chosen at a level, as the user reads it.</summary>
    public ILocator Chosen(string label) => Level(label).Locator("option:checked");

    /// <summary>The field that is posted: the dotted code, e.g. 35.72.</summary>
    public ILocator Code => Root.Locator("[data-region-value]");

    /// <summary>Chooses a region by name; waits until the list has been loaded.</summary>
    public Task ChooseAsync(string level, string name) =>
        Level(level).SelectOptionAsync(new SelectOptionValue { Label = name });
}
