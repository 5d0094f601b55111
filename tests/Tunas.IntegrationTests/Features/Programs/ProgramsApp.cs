using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tunas.IntegrationTests.Infrastructure;
using Tunas.Web.Data;
using Tunas.Web.Features.Agencies;
using Tunas.Web.Features.Programs;
using Tunas.Web.Features.Registry;
using Tunas.Web.Features.Shared;
using Tunas.Web.Infrastructure;

namespace Tunas.IntegrationTests.Features.Programs;

/// <summary>
/// The app for the program tests, with a database of its own: the quota proposal counts the poor residents of the
/// registry, so no other feature's residents may be in it.
/// </summary>
public sealed class ProgramsApp : TunasFactory;

[CollectionDefinition(Name)]
public sealed class ProgramsAppGroup : ICollectionFixture<ProgramsApp>
{
    public const string Name = "programs";
}

/// <summary>Arranging programs, tracks and residents for the tests.</summary>
internal static class Arrange
{
    private static int _serial;

    public static string Unique(string name) => name + " " + Interlocked.Increment(ref _serial).ToString(CultureInfo.InvariantCulture);

    public static object Program(string? name = null, string opens = "2030-10-01", string closes = "2030-10-15", int target = 80) => new
    {
        name = name ?? Unique("Pelatihan Wirausaha"),
        year = 2030,
        budget = 150_000_000L,
        registrationOpens = opens,
        registrationCloses = closes,
        targetSize = target,
    };

    public static async Task<int> ProgramAsync(TunasFactory app, object? body = null)
    {
        var client = await app.ApiClientAsync(Roles.ProgramOfficer);
        var response = await client.PostAsJsonAsync("/api/v1/programs", body ?? Program());
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
    }

    public static async Task<int> TrackAsync(TunasFactory app, int programId, string name, object? extra = null)
    {
        var client = await app.ApiClientAsync(Roles.ProgramOfficer);
        var response = await client.PostAsJsonAsync($"/api/v1/programs/{programId}/tracks", extra ?? new { name });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
    }

    public static async Task<int> ProviderAsync(TunasFactory app, string? name = null)
    {
        var client = await app.ApiClientAsync(Roles.ProgramOfficer);
        var response = await client.PostAsJsonAsync("/api/v1/providers", new { name = name ?? Unique("LPK Modes"), type = "lpk", capacity = 30 });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
    }

    /// <summary>A second agency with a program of its own, straight into the database.</summary>
    public static async Task<(int AgencyId, int ProgramId, int TrackId, int ProviderId)> OtherAgencyAsync(TunasFactory app)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TunasDb>();
        var agency = new Agency { Name = Unique("Dinas Lain"), RegencyCode = "35.05" };
        db.Agencies.Add(agency);
        await db.SaveChangesAsync();
        var program = new TrainingProgram
        {
            AgencyId = agency.Id,
            Name = Unique("Program Dinas Lain"),
            Year = 2030,
            Seed = "abcdef0123456789",
            RegistrationOpens = new DateOnly(2030, 1, 1),
            RegistrationCloses = new DateOnly(2030, 1, 31),
            TargetSize = 10,
            Tracks = [new Track { Name = "Jahit" }],
        };
        var provider = new Provider { AgencyId = agency.Id, Name = Unique("LPK Lain") };
        db.Programs.Add(program);
        db.Providers.Add(provider);
        await db.SaveChangesAsync();
        return (agency.Id, program.Id, program.Tracks[0].Id, provider.Id);
    }

    /// <summary>Residents straight into the registry (the proposal only counts them): <paramref name="count"/> of desil <paramref name="decile"/>.</summary>
    public static async Task ResidentsAsync(TunasFactory app, string village, int count, int? decile, int? agencyId = null)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TunasDb>();
        agencyId ??= await db.Agencies.OrderBy(a => a.Id).Select(a => a.Id).FirstAsync();
        for (var i = 0; i < count; i++)
        {
            var serial = Interlocked.Increment(ref _serial);
            db.Persons.Add(new Person
            {
                AgencyId = agencyId.Value,
                Nik = string.Create(CultureInfo.InvariantCulture, $"35720141079{serial:00000}"),
                FullName = "Warga Uji",
                NameKey = "warga uji",
                Sex = Sex.Female,
                BirthDate = new DateOnly(1990, 7, 1),
                VillageCode = village,
                WelfareDecile = decile,
                Verified = true,
            });
        }
        await db.SaveChangesAsync();
    }

    public static async Task<JsonElement> ErrorsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
    }

    public static string First(JsonElement errors, string field) =>
        errors.TryGetProperty(field, out var list) ? list[0].GetString()! : throw new Xunit.Sdk.XunitException($"No error for '{field}' in {errors}");
}

/// <summary>Kelurahan codes for the tests.</summary>
internal static class Villages
{
    /// <summary>The first <paramref name="count"/> current kelurahan/desa of a regency, by code.</summary>
    public static async Task<List<string>> OfAsync(TunasFactory app, string regency, int count)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TunasDb>();
        var prefix = regency + ".";
        var codes = await db.Regions.AsNoTracking()
            .Where(r => r.Level == Tunas.Web.Features.Regions.RegionLevel.Village && r.IsCurrent && EF.Functions.Like(r.Code, prefix + "%"))
            .Select(r => r.Code).ToListAsync();
        return [.. codes.Order(StringComparer.Ordinal).Take(count)];
    }
}
