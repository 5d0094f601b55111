using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tunas.IntegrationTests.Infrastructure;
using Tunas.Web.Data;
using Tunas.Web.Features.Agencies;
using Tunas.Web.Features.Users;
using Tunas.Web.Infrastructure;

namespace Tunas.IntegrationTests.Data;

public sealed partial class AgencyQueriesTests
{
    private const string OtherOfficer = "petugas@dinas-lain.test";
    private const long Unknown = 987_654_321;
    private static readonly string[] Documents = ["ktp"];

    [Fact]
    public async Task AnOfficerOfAnotherAgencyGetsNotFoundForTheseIdsExactlyAsForUnknownOnesAndChangesNothing()
    {
        await OtherAgencyOfficerAsync();
        var before = await SnapshotAsync();
        var api = await OtherApiClientAsync();
        var pages = await OtherPageClientAsync();
        var (program, run, application, person, message) = (app.ProgramId, app.RunId, app.Own.Application, app.Own.Person, app.Own.Message);

        var calls = new (HttpClient Client, HttpMethod Method, string Theirs, string Unknown)[]
        {
            (api, HttpMethod.Get, $"/api/v1/programs/{program}", $"/api/v1/programs/{Unknown % 1_000_000}"),
            (api, HttpMethod.Get, $"/api/v1/programs/{program}/selection-runs/{run}", $"/api/v1/programs/{program}/selection-runs/{Unknown}"),
            (api, HttpMethod.Post, $"/api/v1/programs/{program}/selection-runs/{run}/publish", $"/api/v1/programs/{program}/selection-runs/{Unknown}/publish"),
            (api, HttpMethod.Post, $"/api/v1/programs/{program}/applications/{application}/withdraw", $"/api/v1/programs/{program}/applications/{Unknown}/withdraw"),
            (api, HttpMethod.Get, $"/api/v1/persons/{person}", $"/api/v1/persons/{Unknown}"),
            (api, HttpMethod.Post, $"/api/v1/persons/{person}/verify", $"/api/v1/persons/{Unknown}/verify"),
            (api, HttpMethod.Get, $"/api/v1/messages/{message}", $"/api/v1/messages/{Unknown}"),
            (pages, HttpMethod.Get, $"/Applications/{application}", $"/Applications/{Unknown}"),
            (pages, HttpMethod.Get, $"/Registry/Details/{person}", $"/Registry/Details/{Unknown}"),
            (pages, HttpMethod.Get, $"/Programs/{program}", $"/Programs/{Unknown % 1_000_000}"),
            (pages, HttpMethod.Get, $"/Selection/{program}/Runs/{run}", $"/Selection/{program}/Runs/{Unknown}"),
        };
        foreach (var (client, method, theirs, unknown) in calls)
        {
            var answers = new List<HttpStatusCode>();
            foreach (var url in new[] { theirs, unknown })
            {
                using var request = new HttpRequestMessage(method, url);
                if (method == HttpMethod.Post)
                {
                    request.Content = JsonContent.Create(new { reason = "Uji agensi lain.", documents = Documents, note = "Uji agensi lain." });
                }
                using var response = await client.SendAsync(request);
                answers.Add(response.StatusCode);
            }
            Assert.True(answers[0] == HttpStatusCode.NotFound && answers[1] == HttpStatusCode.NotFound,
                $"{method} {theirs} answered {(int)answers[0]}, an unknown id {(int)answers[1]}: both must be 404.");
        }

        Assert.Equal(before, await SnapshotAsync());
    }

    /// <summary>A second agency with a program officer of its own, made once for the fixture.</summary>
    private async Task OtherAgencyOfficerAsync()
    {
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        if (await users.FindByEmailAsync(OtherOfficer) is not null)
        {
            return;
        }
        var db = scope.ServiceProvider.GetRequiredService<TunasDb>();
        var agency = new Agency { Name = "Dinas Sosial Kota Lain", RegencyCode = "35.05", UpdatedAt = DateTime.UtcNow };
        db.Agencies.Add(agency);
        await db.SaveChangesAsync();
        var user = new AppUser { UserName = OtherOfficer, Email = OtherOfficer, EmailConfirmed = true, AgencyId = agency.Id, CreatedAt = DateTime.UtcNow };
        Assert.True((await users.CreateAsync(user, TunasFactory.Password)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, Roles.ProgramOfficer)).Succeeded);
    }

    private async Task<HttpClient> OtherApiClientAsync()
    {
        var client = app.CreateClient();
        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { email = OtherOfficer, password = TunasFactory.Password });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        return client;
    }

    private async Task<HttpClient> OtherPageClientAsync()
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var response = await client.PostAsync("/Account/Login", await TunasFactory.FormAsync(client, "/Account/Login", new()
        {
            ["Input.Email"] = OtherOfficer,
            ["Input.Password"] = TunasFactory.Password,
        }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    /// <summary>What a wrongly allowed call would change: statuses, verification, publication and edit times.</summary>
    private async Task<string> SnapshotAsync()
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TunasDb>();
        var applications = await db.Applications.AsNoTracking().OrderBy(a => a.Id).Select(a => a.Id + ":" + a.Status + ":" + a.WithdrawnAt).ToListAsync();
        var runs = await db.SelectionRuns.AsNoTracking().OrderBy(r => r.Id).Select(r => r.Id + ":" + r.Status + ":" + r.PublishedAt).ToListAsync();
        var persons = await db.Persons.AsNoTracking().OrderBy(p => p.Id).Select(p => p.Id + ":" + p.Verified + ":" + p.UpdatedAt).ToListAsync();
        var programs = await db.Programs.AsNoTracking().OrderBy(p => p.Id).Select(p => p.Id + ":" + p.Status + ":" + p.UpdatedAt).ToListAsync();
        var messages = await db.OutboxMessages.CountAsync();
        return string.Join("|", [.. applications, .. runs, .. persons, .. programs, messages.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
    }
}
