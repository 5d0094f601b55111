using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Tunas.Web;
using Tunas.Web.Data;
using Tunas.Web.Features.Applications;
using Tunas.Web.Features.Regions;
using Tunas.Web.Features.Shared;

namespace Tunas.IntegrationTests.Features.Applications;

/// <summary>The group commit itself: one bad application in a batch, and two writers racing for one person.</summary>
[Collection(ApplicationsAppGroup.Name)]
public sealed class ApplicationWriterTests(ApplicationsApp app)
{
    [Fact]
    public async Task OneBadApplicationInABatchDoesNotFailTheOthers()
    {
        var program = await Applicants.ProgramAsync(app);
        var good = Enumerable.Range(0, 4).Select(_ => Applicants.NewPerson()).ToList();
        var bad = Applicants.NewPerson();
        var batch = good.Select(p => Pending(program, p)).ToList();
        // A track that no longer exists (deleted after the request checked it): the database refuses this one row.
        batch.Insert(2, Pending(program, bad, track: 987_654));

        await app.Services.GetRequiredService<ApplicationWriter>().WriteAsync(batch);

        var outcomes = await Task.WhenAll(batch.Select(b => b.Task));
        Assert.Equal(WriteStatus.Failed, outcomes[2].Status);
        Assert.All(outcomes.Where((_, i) => i != 2), o => Assert.Equal(WriteStatus.Created, o.Status));
        Assert.Equal(0, await Applicants.PersonsWithAsync(app, bad.Nik));
        foreach (var p in good)
        {
            Assert.Equal(1, await Applicants.ApplicationsOfAsync(app, p.Nik));
        }
    }

    [Fact]
    public async Task TheSamePersonTwiceInOneBatchGetsOneNumber()
    {
        var program = await Applicants.ProgramAsync(app);
        var person = Applicants.NewPerson();
        var batch = new List<PendingApplication> { Pending(program, person), Pending(program, Applicants.NewPerson()), Pending(program, person) };

        await app.Services.GetRequiredService<ApplicationWriter>().WriteAsync(batch);

        var outcomes = await Task.WhenAll(batch.Select(b => b.Task));
        Assert.Equal([WriteStatus.Created, WriteStatus.Created, WriteStatus.Existing], outcomes.Select(o => o.Status));
        Assert.Equal(outcomes[0].RegistrationNumber, outcomes[2].RegistrationNumber);
        Assert.Equal(1, await Applicants.ApplicationsOfAsync(app, person.Nik));
    }

    [Fact]
    public async Task TwoWritersRacingForOnePersonGiveOneApplicationAndOneNumber()
    {
        var program = await Applicants.ProgramAsync(app);
        var scopes = app.Services.GetRequiredService<IServiceScopeFactory>();
        using var one = Writer(scopes);
        using var two = Writer(scopes);
        var people = Enumerable.Range(0, 10).Select(_ => Applicants.NewPerson()).ToList();

        foreach (var person in people)
        {
            var a = Pending(program, person);
            var b = Pending(program, person);
            await Task.WhenAll(Task.Run(() => one.WriteAsync([a])), Task.Run(() => two.WriteAsync([b])));

            var outcomes = new[] { await a.Task, await b.Task };
            Assert.Equal([WriteStatus.Created, WriteStatus.Existing], outcomes.Select(o => o.Status).Order());
            Assert.Equal(outcomes[0].RegistrationNumber, outcomes[1].RegistrationNumber);
            Assert.Equal(1, await Applicants.ApplicationsOfAsync(app, person.Nik));
            Assert.Equal(1, await Applicants.PersonsWithAsync(app, person.Nik));
        }
    }

    [Fact]
    public async Task ANewPersonWithTheNameAndBirthDateOfAnotherIsFlaggedAsASuspectedDuplicate()
    {
        var program = await Applicants.ProgramAsync(app);
        var known = Applicants.NewPerson(name: "Sri Rahayu Ningsih");
        var knownId = await Applicants.RegisterAsync(app, known);
        // Another NIK (a typing error in the serial, say) for the same name and birth date.
        var other = known with { Nik = string.Concat(known.Nik.AsSpan(0, 12), "9", known.Nik.AsSpan(13)), FamilyCard = Applicants.NewPerson().FamilyCard };

        await Applicants.NumberAsync(await Applicants.ApplyAsync(app.CreateClient(), Applicants.Body(program, other)));

        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TunasDb>();
        var newId = await db.Persons.Where(p => p.Nik == other.Nik).Select(p => p.Id).SingleAsync();
        Assert.True(await db.SuspectedDuplicates.AnyAsync(d => d.PersonAId == Math.Min(knownId, newId) && d.PersonBId == Math.Max(knownId, newId)));
    }

    [Fact]
    public async Task AFullQueueIsA503WithRetryAfterAndStoresNothing()
    {
        var program = await Applicants.ProgramAsync(app);
        var person = Applicants.NewPerson();
        // A writer that is never started, with room for one application, which is taken already.
        using var writer = new ApplicationWriter(app.Services.GetRequiredService<IServiceScopeFactory>(), TimeProvider.System,
            Options.Create(new ApplicationsOptions { QueueCapacity = 1 }), NullLogger<ApplicationWriter>.Instance);
        Assert.True(writer.TryEnqueue(Pending(program, Applicants.NewPerson())));
        var intake = new ApplicationIntake(app.Services.GetRequiredService<ProgramCatalog>(), app.Services.GetRequiredService<RegionDirectory>(), writer, TimeProvider.System);

        var result = await intake.SubmitAsync(new ApplicationInput
        {
            ProgramId = program.Id,
            Nik = person.Nik,
            FamilyCardNumber = person.FamilyCard,
            FullName = person.Name,
            BirthDate = person.BirthIso,
            VillageCode = Applicants.Kauman,
            Phone = "0812-3456-7890",
            FirstTrackId = program.Tracks[0],
            Consent = true,
        }, Submitter.Public, "uji");
        var http = new DefaultHttpContext { RequestServices = app.Services };
        http.Response.Body = new MemoryStream();
        await PublicApplicationsApi.Answer(result, http, app.Services.GetRequiredService<IStringLocalizer<SharedResource>>()).ExecuteAsync(http);

        Assert.Equal(IntakeOutcome.Busy, result.Outcome);
        Assert.Equal(StatusCodes.Status503ServiceUnavailable, http.Response.StatusCode);
        Assert.Equal("5", http.Response.Headers.RetryAfter.ToString());
        Assert.Equal(0, await Applicants.PersonsWithAsync(app, person.Nik));
    }

    private static ApplicationWriter Writer(IServiceScopeFactory scopes) =>
        new(scopes, TimeProvider.System, Options.Create(new ApplicationsOptions()), NullLogger<ApplicationWriter>.Instance);

    private static PendingApplication Pending(Applicants.Program program, Applicants.Person person, int? track = null)
    {
        var nik = Nik.Check(person.Nik, DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7))).Nik!.Value;
        return new PendingApplication
        {
            AgencyId = 1,
            ProgramId = program.Id,
            Values = new ApplicationValues(person.Nik, person.FamilyCard, person.Name, nik.Sex, nik.BirthDate, Applicants.Kauman, "+6281234567890",
                track ?? program.Tracks[0], null, null),
            Checks = [],
            ConsentPurpose = "uji",
            Channel = ApplicationChannel.Public,
            ActorName = "uji",
            SubmittedAt = DateTime.UtcNow,
        };
    }
}
