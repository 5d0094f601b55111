using System.Net;
using Tunas.IntegrationTests.Features.Selection;
using Tunas.Web.Infrastructure;

namespace Tunas.IntegrationTests.Features.Training;

public sealed class CohortLinksTests(TrainingApp app) : IClassFixture<TrainingApp>
{
    [Fact]
    public async Task TheOfficerFollowsTheCohortToItsGraduatesPermitsAndTheTrainerIsNotOfferedThePage()
    {
        var scenario = await app.PublishedAsync(1);
        var cohort = await app.CohortAsync(scenario.ProgramId, scenario.TrackA, app.ProviderA, "Tautan", 5, ProgramScenario.Today.AddDays(-1));
        using var officer = await app.PageClientAsync(Roles.ProgramOfficer);
        using var trainer = await app.PageClientAsync(Roles.ProviderStaff);

        var seen = await officer.GetStringAsync($"/Training/{cohort}");
        var permits = await officer.GetAsync($"/Usaha/Angkatan/{cohort}");

        Assert.Contains($"href=\"/Usaha/Angkatan/{cohort}\"", seen, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, permits.StatusCode);
        Assert.DoesNotContain("/Usaha/Angkatan/", await trainer.GetStringAsync($"/Training/{cohort}"), StringComparison.Ordinal);
    }
}
