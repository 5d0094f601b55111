namespace Tunas.Web.Features.Applications;

/// <summary>Settings of section <c>Applications</c>: the intake's queue and how long program facts are kept in memory.</summary>
public sealed class ApplicationsOptions
{
    public const string Section = "Applications";

    /// <summary>Applications waiting for the writer; beyond this the intake answers 503 with Retry-After.</summary>
    public int QueueCapacity { get; set; } = 20_000;

    /// <summary>Applications written in one transaction at most.</summary>
    public int MaxBatchSize { get; set; } = 500;

    /// <summary>How long the intake trusts what it read of a program (status, dates, tracks).</summary>
    public int ProgramCacheSeconds { get; set; } = 5;
}
