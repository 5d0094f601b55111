using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tunas.Web.Data;
using Tunas.Web.Features.Agencies;
using Tunas.Web.Features.Registry.Imports;

namespace Tunas.IntegrationTests.Data;

/// <summary>
/// A read that reaches an agency-owned table by a child's id alone also says the agency (decisions 0003, 0019): the
/// error report of an import, asked with another agency, finds nothing even with the right job id.
/// </summary>
public sealed class AgencyFilterTests
{
    [Fact]
    public async Task TheErrorReportOfAJobReadsOnlyTheReadersAgency()
    {
        var (db, drop) = MigrationDatabase.New();
        try
        {
            await db.Database.MigrateAsync();
            var own = new Agency { Name = "Dinas Sosial Kota A", UpdatedAt = DateTime.UtcNow };
            var other = new Agency { Name = "Dinas Sosial Kota B", UpdatedAt = DateTime.UtcNow };
            db.Agencies.AddRange(own, other);
            await db.SaveChangesAsync();
            var job = new ImportJob { AgencyId = own.Id, FileName = "warga.csv", Status = ImportStatus.Completed, CreatedAt = DateTime.UtcNow };
            db.ImportJobs.Add(job);
            await db.SaveChangesAsync();
            await using (var tx = await db.Database.BeginTransactionAsync())
            {
                var state = new ImportJobState(job.Id, own.Id, null, "uji", 1, 0, 0, 0, 1);
                await ImportErrors.InsertAsync(db, state, [ImportErrors.Create(job.Id, 2, "NIK", "3572", "NIK is not valid.", [], null)], CancellationToken.None);
                await tx.CommitAsync();
            }

            var stored = await db.ImportRowErrors.AsNoTracking().SingleAsync();
            Assert.Equal(own.Id, stored.AgencyId);
            Assert.Single(await ReadAsync(db, own.Id, job.Id));
            Assert.Empty(await ReadAsync(db, other.Id, job.Id));
        }
        finally
        {
            await db.DisposeAsync();
            await drop();
        }
    }

    private static async Task<List<string?[]>> ReadAsync(TunasDb db, int agencyId, Guid jobId)
    {
        var rows = new List<string?[]>();
        await foreach (var row in ErrorReport.RowsAsync(db, agencyId, jobId, new Words()))
        {
            rows.Add(row);
        }
        return rows;
    }

    private sealed class Words : IStringLocalizer
    {
        public LocalizedString this[string name] => new(name, name);
        public LocalizedString this[string name, params object[] arguments] => new(name, string.Format(System.Globalization.CultureInfo.InvariantCulture, name, arguments));
        public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => [];
    }
}
