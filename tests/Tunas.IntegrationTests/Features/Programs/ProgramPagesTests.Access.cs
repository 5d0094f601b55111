using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tunas.IntegrationTests.Infrastructure;
using Tunas.Web.Data;
using Tunas.Web.Features.Programs;
using Tunas.Web.Infrastructure;

namespace Tunas.IntegrationTests.Features.Programs;

/// <summary>Who may open the program pages: roles, the anonymous, another agency.</summary>
public sealed partial class ProgramPagesTests
{
    [Fact]
    public async Task AWrongRolePostingAFormIsRefusedToo()
    {
        var id = await Arrange.ProgramAsync(app);
        var officer = await app.PageClientAsync(Roles.ProgramOfficer);
        var form = await TunasFactory.FormAsync(officer, $"/Programs/{id}", []);
        var client = await app.PageClientAsync(Roles.VillageOperator);

        var response = await client.PostAsync($"/Programs/{id}?handler=Activate", form);

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(ProgramStatus.Draft, await StatusAsync(id));
    }

    [Fact]
    public async Task TheProgramsOfAnotherAgencyAreNotFound()
    {
        var other = await Arrange.OtherAgencyAsync(app);
        var client = await app.PageClientAsync(Roles.Administrator);
        var p = other.ProgramId;

        foreach (var path in new[] { $"/Programs/{p}", $"/Programs/{p}/Edit", $"/Programs/{p}/Quotas", $"/Programs/{p}/Rules", $"/Programs/{p}/Tracks/Create", $"/Programs/{p}/Tracks/{other.TrackId}", $"/Programs/Providers/{other.ProviderId}" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(path)).StatusCode);
        }
        var own = await Arrange.ProgramAsync(app);
        var token = await TunasFactory.FormAsync(client, $"/Programs/{own}", []);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync($"/Programs/{p}?handler=Activate", token)).StatusCode);
        Assert.DoesNotContain($"href=\"/Programs/{p}\"", await PageAsync(client, "/Programs"), StringComparison.Ordinal);
        Assert.Equal(ProgramStatus.Draft, await StatusAsync(p));
    }

    [Fact]
    public async Task TheMenuShowsProgramsToOfficersOnly()
    {
        var officer = await PageAsync(await app.PageClientAsync(Roles.ProgramOfficer), "/");
        var admin = await PageAsync(await app.PageClientAsync(Roles.Administrator), "/");
        var village = await PageAsync(await app.PageClientAsync(Roles.VillageOperator), "/");

        Assert.Contains("href=\"/Programs\">Program<", officer, StringComparison.Ordinal);
        Assert.Contains("href=\"/Programs\">Program<", admin, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/Programs\"", village, StringComparison.Ordinal);
    }
}
