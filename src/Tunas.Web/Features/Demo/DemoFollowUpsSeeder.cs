using Microsoft.EntityFrameworkCore;
using Tunas.Web.Data;
using Tunas.Web.Features.Businesses;
using Tunas.Web.Features.Businesses.FollowUps;
using Tunas.Web.Features.Programs;
using Tunas.Web.Infrastructure;

namespace Tunas.Web.Features.Demo;

/// <summary>
/// The demo's follow-ups: planned for the demo program like an officer would, all given to the demo facilitator, and
/// answered up to a few weeks ago, so that the rest is overdue. Graduates mostly run their business (revenues from a
/// few hundred thousand to a few million rupiah a month); the waitlisted and not-selected, asked by phone, less often
/// and with lower household incomes. Some people were not reached. Seeded per row, the same on every machine.
/// </summary>
public sealed class DemoFollowUpsSeeder(TunasDb db, FollowUpPlanner planner, TimeProvider clock)
{
    private static readonly string[] Problems =
    [
        "Harga bahan baku naik.", "Pesanan sepi di luar musim hajatan.", "Belum punya tempat jualan tetap.",
        "Modal habis untuk kebutuhan sekolah anak.", "Alat jahit sering rusak.", "Pembeli banyak yang berutang.",
    ];

    public async Task SeedAsync(int agencyId, TextWriter output, CancellationToken ct = default)
    {
        if (await db.Set<FollowUp>().AnyAsync(f => f.AgencyId == agencyId, ct))
        {
            await output.WriteLineAsync("Demo follow-ups: already there; nothing added.");
            return;
        }
        var program = await db.Programs.AsNoTracking().Where(p => p.AgencyId == agencyId && p.Name == DemoProgramSeeder.ProgramName)
            .Select(p => (int?)p.Id).FirstOrDefaultAsync(ct);
        var facilitator = await (from u in db.Users
                                 where u.AgencyId == agencyId
                                 join ur in db.UserRoles on u.Id equals ur.UserId
                                 join r in db.Roles on ur.RoleId equals r.Id
                                 where r.Name == Roles.Facilitator
                                 orderby u.Email
                                 select u.Id).FirstOrDefaultAsync(ct);
        if (program is null || facilitator is null || await planner.PlanAsync(agencyId, program.Value, ct) is not { } plan)
        {
            await output.WriteLineAsync("Demo follow-ups: no demo program or no facilitator; nothing added.");
            return;
        }
        var today = clock.TodayInIndonesia();
        var now = clock.GetUtcNow().UtcDateTime;
        var statuses = await db.Set<Business>().AsNoTracking().Where(b => b.AgencyId == agencyId).ToDictionaryAsync(b => b.Id, b => b.Status, ct);
        var rows = await db.Set<FollowUp>().Where(f => f.AgencyId == agencyId && f.ProgramId == program.Value).OrderBy(f => f.Id).ToListAsync(ct);
        var (done, notReached) = (0, 0);
        foreach (var row in rows)
        {
            row.FacilitatorId ??= facilitator;
            var random = new Random((int)(row.PersonId * 31 + row.MonthsAfter));
            // The last weeks' rounds and about a third of the 12-month round wait: the facilitator's overdue list.
            var answered = row.DueOn.AddDays(21) < today && !(row.MonthsAfter == 12 && row.PersonId % 3 == 0) && !(row.MonthsAfter == 6 && row.PersonId % 7 == 0);
            if (!answered)
            {
                continue;
            }
            row.VisitedById = facilitator;
            row.VisitedOn = row.DueOn.AddDays(random.Next(0, 14));
            row.Channel = row.Group == FollowUpGroup.Comparison || random.Next(5) == 0 ? FollowUpChannel.Phone : FollowUpChannel.Visit;
            row.UpdatedAt = now;
            if (random.Next(100) < (row.Group == FollowUpGroup.Comparison ? 15 : 6))
            {
                row.Status = FollowUpStatus.NotReached;
                notReached++;
                continue;
            }
            row.Status = FollowUpStatus.Done;
            done++;
            Answer(row, random, row.BusinessId is { } b ? statuses.GetValueOrDefault(b) : null);
        }
        await db.SaveChangesAsync(ct);
        await output.WriteLineAsync($"Demo follow-ups: {plan.Participants} of graduates and {plan.Comparison} of the comparison group, {done} answered, {notReached} not reached.");
    }

    private static void Answer(FollowUp row, Random random, BusinessStatus? business)
    {
        var graduate = row.Group == FollowUpGroup.Participant;
        // A graduate's own business says whether she trades (a closed one stops after the first rounds); others say it by chance.
        var active = business switch
        {
            BusinessStatus.Active => random.Next(100) < 92,
            BusinessStatus.Paused => row.MonthsAfter <= 3,
            BusinessStatus.Closed => row.MonthsAfter == 1,
            BusinessStatus.Planned => row.MonthsAfter >= 6 && random.Next(2) == 0,
            _ => random.Next(100) < (graduate ? 35 : 28),
        };
        row.BusinessActive = active;
        var growth = 1.0 + (row.MonthsAfter / 24.0);
        if (active)
        {
            var revenue = graduate ? random.Next(4, 36) * 100_000 * growth : random.Next(2, 16) * 100_000;
            row.MonthlyRevenue = (long)Math.Round(revenue / 10_000) * 10_000;
            row.MonthlyProfit = (long)Math.Round(row.MonthlyRevenue.Value * (random.Next(15, 45) / 100.0) / 10_000) * 10_000;
            row.Workers = graduate ? random.Next(100) switch { < 60 => 0, < 85 => 1, < 95 => 2, _ => 3 } : random.Next(100) < 90 ? 0 : 1;
        }
        var income = graduate ? random.Next(15, 45) * 100_000 + (row.MonthlyProfit ?? 0) / 2 : random.Next(10, 28) * 100_000 + (row.MonthlyProfit ?? 0) / 2;
        row.HouseholdMonthlyIncome = random.Next(10) == 0 ? null : income / 10_000 * 10_000;
        row.Needs = (FollowUpNeeds)(random.Next(16) & (graduate ? 15 : 9));
        row.Problems = random.Next(3) == 0 ? Problems[random.Next(Problems.Length)] : null;
    }
}
