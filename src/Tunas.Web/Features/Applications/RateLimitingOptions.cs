namespace Tunas.Web.Features.Applications;

/// <summary>
/// Settings of section <c>RateLimiting</c>. The defaults let a busy kelurahan office behind one address send an
/// application every second with bursts of 30, and check a status every three seconds (a status check takes a
/// birth-date guess, so it is stricter), and lodge an appeal every six seconds. Lookups by registration number and
/// birth date are also limited per number, from any address. <see cref="Enabled"/> false switches every limit off
/// (a load test on loopback).
/// </summary>
public sealed class RateLimitingOptions
{
    public const string Section = "RateLimiting";

    public bool Enabled { get; set; } = true;

    public int ApplyPerMinute { get; set; } = 60;
    public int ApplyBurst { get; set; } = 30;

    public int StatusPerMinute { get; set; } = 20;
    public int StatusBurst { get; set; } = 10;

    public int AppealPerMinute { get; set; } = 10;
    public int AppealBurst { get; set; } = 10;

    /// <summary>Certificate checks (page and API) per address: a bank checking a pile by hand, not a guesser.</summary>
    public int VerifyPerMinute { get; set; } = 30;
    public int VerifyBurst { get; set; } = 20;

    /// <summary>Catalogue pages, searches and order clicks per address: a neighbour browsing, not a scraper.</summary>
    public int CataloguePerMinute { get; set; } = 60;
    public int CatalogueBurst { get; set; } = 40;

    /// <summary>Status checks and appeals of one registration number, from all addresses together (a birth-date guess each).</summary>
    public int PerNumberPerHour { get; set; } = 6;
    public int PerNumberBurst { get; set; } = 5;

    /// <summary>Public requests in progress at once, all addresses together; beyond this they are refused at once.</summary>
    public int PublicConcurrency { get; set; } = 2_000;
}
