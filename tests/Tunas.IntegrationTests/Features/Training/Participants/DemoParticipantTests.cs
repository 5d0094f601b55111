using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tunas.IntegrationTests.Infrastructure;
using Tunas.Web.Data;
using Tunas.Web.Features.Demo;
using Tunas.Web.Features.Training;
using Tunas.Web.Features.Training.Certificates;
using Tunas.Web.Features.Training.Kits;
using Tunas.Web.Features.Training.Participants;

namespace Tunas.IntegrationTests.Features.Training.Participants;

/// <summary>`--demo`: every demo participant has an account, one signs in with the printed PIN, and there are ratings.</summary>
public sealed class DemoParticipantTests : IAsyncLifetime
{
    private readonly TunasFactory _app = new() { SeedRoleUsers = false };

    public Task InitializeAsync()
    {
        _app.Settings["Admin:Email"] = "";
        _app.Settings["Admin:Password"] = "";
        _app.Settings["Agency:Name"] = "";
        _app.Settings["Agency:RegencyCode"] = "";
        _app.Settings["RateLimiting:Enabled"] = "false";
        return ((IAsyncLifetime)_app).InitializeAsync();
    }

    public Task DisposeAsync() => ((IAsyncLifetime)_app).DisposeAsync();

    [Fact]
    public async Task DemoParticipantsHaveAccountsOneSignsInWithThePrintedPinAndSomeRated()
    {
        var output = new StringWriter();
        using (var scope = _app.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(output);
        }
        var login = Regex.Match(output.ToString(), @"(TNS-[0-9A-Z]{4}-[0-9A-Z]{4})\s+PIN " + DemoCohortsSeeder.ParticipantPin).Groups[1].Value;

        using (var check = _app.Services.CreateScope())
        {
            var db = check.ServiceProvider.GetRequiredService<TunasDb>();
            Assert.Equal(80, await db.Set<CohortParticipant>().CountAsync(p => p.UserId != null));
            Assert.InRange(await db.Set<TrainingRating>().CountAsync(), 40, 80);
        }
        Assert.NotEqual("", login);
        using var response = await _app.CreateClient().PostAsJsonAsync("/api/v1/auth/participant", new { login, pin = DemoCohortsSeeder.ParticipantPin });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        // Her own page carries her certificate and kit, exactly as stored for her placement.
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        using var phone = _app.CreateClient();
        phone.DefaultRequestHeaders.Authorization = new("Bearer", token);
        var me = await phone.GetFromJsonAsync<JsonElement>("/api/v1/me/");
        using var read = _app.Services.CreateScope();
        var rows = read.ServiceProvider.GetRequiredService<TunasDb>();
        var placement = await rows.Set<CohortParticipant>().Where(p => rows.Applications.Any(a => a.Id == p.ApplicationId && a.RegistrationNumber == login)).Select(p => p.Id).SingleAsync();
        var number = await rows.Set<Certificate>().Where(c => c.ParticipantId == placement).Select(c => c.Number).FirstOrDefaultAsync();
        var kit = await rows.Set<KitHandover>().Where(k => k.ParticipantId == placement && k.VoidedAt == null).Select(k => (long?)k.Value).FirstOrDefaultAsync();
        Assert.Equal(number, me.GetProperty("certificate") is { ValueKind: JsonValueKind.Object } c ? c.GetProperty("number").GetString() : null);
        Assert.Equal(kit, me.GetProperty("kit") is { ValueKind: JsonValueKind.Object } k ? k.GetProperty("value").GetInt64() : null);
        Assert.NotNull(number);
    }
}
