using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tunas.IntegrationTests.Features.Selection;
using Tunas.Web.Data;
using Tunas.Web.Features.Training;
using Tunas.Web.Features.Users;
using Tunas.Web.Infrastructure;

namespace Tunas.IntegrationTests.Features.Training.Participants;

public sealed class ParticipantAccountTests(TrainingApp app) : IClassFixture<TrainingApp>
{
    private async Task<long> PlacedAsync()
    {
        var scenario = await app.PublishedAsync(1);
        var cohort = await app.CohortAsync(scenario.ProgramId, scenario.TrackA, app.ProviderA, "Akun", 5, ProgramScenario.Today.AddDays(-1));
        var officer = await app.ApiClientAsync(Roles.ProgramOfficer);
        (await officer.PostAsync($"/api/v1/programs/{scenario.ProgramId}/cohorts/placements", null)).EnsureSuccessStatusCode();
        return await app.DbAsync(db => db.Set<CohortParticipant>().Where(p => p.CohortId == cohort).Select(p => p.Id).SingleAsync());
    }

    [Fact]
    public async Task TheAccountIsNamedByTheRegistrationNumberHasNoEmailAndIsNotListedWithStaff()
    {
        var participant = await PlacedAsync();
        using var client = await app.ParticipantClientAsync(participant);
        using var again = await app.ParticipantClientAsync(participant);

        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TunasDb>();
        var row = await db.Set<CohortParticipant>().SingleAsync(p => p.Id == participant);
        var number = await db.Applications.Where(a => a.Id == row.ApplicationId).Select(a => a.RegistrationNumber).SingleAsync();
        var user = await db.Users.SingleAsync(u => u.Id == row.UserId);
        Assert.Equal((number, (string?)null, row.AgencyId), (user.UserName, user.Email, user.AgencyId));
        Assert.True(await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().IsInRoleAsync(user, Roles.Participant));
        Assert.Equal(1, await db.Users.CountAsync(u => u.UserName == number));
        var staff = await scope.ServiceProvider.GetRequiredService<UserAdmin>().ListAsync();
        Assert.DoesNotContain(staff, s => s.Id == user.Id);
    }

    [Fact]
    public async Task AParticipantsTokenOpensNoStaffEndpoint()
    {
        using var client = await app.ParticipantClientAsync(await PlacedAsync());

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/v1/users/")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/v1/persons.xlsx")).StatusCode);
    }
}
