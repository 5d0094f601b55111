using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tunas.Web.Data;
using Tunas.Web.Features.Selection;
using Tunas.Web.Features.Shared;

namespace Tunas.IntegrationTests.Features.Selection;

/// <summary>The leaner store (decision 0015): what a stored run reads back is what the engine decided.</summary>
[Collection(SelectionAppGroup.Name)]
public sealed class SelectionStoreTests(SelectionApp app)
{
    private static readonly DateOnly Reference = new(2025, 10, 23);

    [Fact]
    public async Task AStoredRunReadsBackAsTheEngineDecidedIt()
    {
        var s = await ProgramScenario.CreateAsync(app);
        var keys = new[] { "poor", "poorer", "waiting", "beyond", "sibling", "rich", "old", "man", "trained", "other" };
        foreach (var key in keys)
        {
            await s.ApplyAsync(app, key, key == "other" ? ProgramScenario.Village2 : ProgramScenario.Village1, 3, s.TrackA);
        }
        var input = Input(s);

        var result = SelectionEngine.Run(input);
        using var scope = app.Services.CreateScope();
        var runner = scope.ServiceProvider.GetRequiredService<SelectionRunner>();
        var db = scope.ServiceProvider.GetRequiredService<TunasDb>();
        var agency = await db.Programs.Where(p => p.Id == s.ProgramId).Select(p => p.AgencyId).FirstAsync();
        var stored = await runner.StoreAsync(s.ProgramId, input, result, new SelectionActor(agency, "test", "test"));

        var run = await db.SelectionRuns.AsNoTracking().SingleAsync(r => r.Id == stored.Id);
        var decisions = await db.SelectionDecisions.AsNoTracking().Where(d => d.RunId == run.Id).ToDictionaryAsync(d => d.ApplicationId);
        Assert.Equal(keys.Length, decisions.Count);
        Assert.Contains(result.Applicants, a => a.Outcome == SelectionOutcome.Ineligible);
        Assert.Contains(result.Applicants, a => a.Outcome == SelectionOutcome.Waitlisted);
        Assert.Contains(result.Applicants, a => a.Outcome == SelectionOutcome.NotSelected);
        foreach (var a in result.Applicants)
        {
            var d = decisions[a.Applicant.ApplicationId];
            Assert.Equal(a.Outcome, d.Outcome);
            Assert.Equal(SelectionRunner.StatusOf(a.Outcome), d.Status);
            Assert.Equal(a.Placement, d.Placement);
            Assert.Equal(a.Rank, d.Rank);
            Assert.Equal(a.WaitlistPosition, d.WaitlistPosition);
            Assert.Equal(a.TrackId, d.TrackId);
            Assert.Equal(a.Score.Total, d.Score);
            Assert.Equal(a.Score, DecisionJson.ReadScore(d.ScoreJson));
            Assert.Equal(a.Reasons().Select(r => r.ToString()), DecisionJson.ReadReasons(d.ReasonsJson).Select(r => r.ToReason().ToString()));

            var rules = DecisionRules.Read(run.RulesJson, d.RuleStates, d.RulesJson);
            Assert.Equal(a.Rules.Select(r => (r.Rule, r.Status, r.Reason.ToString())), rules.Select(r => (r.Rule, r.Status, r.ToReason().ToString())));
            Assert.Equal(DecisionJson.Rules(a.Rules), DecisionRules.Expand(run.RulesJson, d.RuleStates, d.RulesJson));
            // Only the failed rules are stored with the decision.
            Assert.Equal(a.Rules.Count(r => r.Status == RuleStatus.Failed), DecisionJson.ReadRules(d.RulesJson).Count);
            Assert.Null(d.InputJson);
        }

        Assert.NotNull(run.InputsBlob);
        Assert.Equal(run.InputsHash, FrozenInputs.Hash(run.InputsBlob));
        Assert.Equal(input.Applicants.OrderBy(a => a.ApplicationId), FrozenInputs.Read(run.InputsBlob));
    }

    /// <summary>Every rule on: one of each outcome and of each failed rule, the household limit and a waitlist of two.</summary>
    private static SelectionInput Input(ProgramScenario s)
    {
        Applicant Applicant(string key, int? desil, string? card = null, DateOnly? birth = null, Sex sex = Sex.Female, long? track = null,
            DateOnly? trained = null, string village = ProgramScenario.Village1) => new()
            {
                ApplicationId = s.Applicants[key].ApplicationId,
                RegistrationNumber = "REG-" + key,
                VillageCode = village,
                QuotaRegion = village,
                FirstTrackId = track ?? s.TrackA,
                SecondTrackId = track is null ? s.TrackB : null,
                Sex = sex,
                BirthDate = birth ?? new DateOnly(1995, 5, 5),
                WelfareDecile = desil,
                HouseholdSize = 4,
                FamilyCardNumber = card ?? "KK-" + key,
                LastTrainedOn = trained,
                SubmittedAt = new DateTime(2025, 9, 1, 8, 0, 0, DateTimeKind.Utc).AddMinutes(s.Applicants[key].ApplicationId),
            };
        return new SelectionInput
        {
            Seed = "uji-seed",
            ReferenceDate = Reference,
            Settings = new EligibilitySettings
            {
                MinAge = 18,
                MaxAge = 55,
                MaxDesil = 5,
                DomicileRegencyCode = "35.72",
                MaxPerHousehold = 1,
                ExcludeTrainedWithinYears = 2,
                WomenOnlyTrackIds = new HashSet<long> { s.TrackB },
            },
            Quotas = [new Quota(ProgramScenario.Village1, s.TrackA, 1), new Quota(ProgramScenario.Village2, s.TrackA, 1)],
            WaitlistLength = 2,
            Applicants =
            [
                Applicant("poor", 1, card: "KK-1"),
                Applicant("sibling", 1, card: "KK-1"),
                Applicant("poorer", 2),
                Applicant("waiting", 3),
                Applicant("beyond", 4),
                Applicant("rich", 8),
                Applicant("old", 2, birth: new DateOnly(1950, 1, 1)),
                Applicant("man", 2, sex: Sex.Male, track: s.TrackB),
                Applicant("trained", 2, trained: Reference.AddMonths(-6)),
                Applicant("other", null, village: "33.01.01.2001"),
            ],
        };
    }
}
