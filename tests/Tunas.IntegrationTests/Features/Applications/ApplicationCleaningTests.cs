using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tunas.Web.Data;

namespace Tunas.IntegrationTests.Features.Applications;

/// <summary>A public application with a name as pasted from a chat, and one with a NIK of a region that cannot be.</summary>
[Collection(ApplicationsAppGroup.Name)]
public sealed class ApplicationCleaningTests(ApplicationsApp app)
{
    [Fact]
    public async Task AnApplicantsNameWithDirectionAndControlCharactersIsStoredClean()
    {
        var program = await Applicants.ProgramAsync(app);
        var person = Applicants.NewPerson(name: "Ma'rifah Lestari");
        var body = Applicants.Body(program, person);
        body["fullName"] = "\u202EMA\u2019RIFAH\u0000 \u200BLESTARI\u2069";
        body["motivation"] = "Ingin\u202E usaha.\r\n\r\n\r\nJahit\u0007.";

        var number = await Applicants.NumberAsync(await Applicants.ApplyAsync(app.CreateClient(), body));

        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TunasDb>();
        var stored = await db.Persons.AsNoTracking().SingleAsync(p => p.Nik == person.Nik);
        Assert.Equal("MA'RIFAH LESTARI", stored.FullName);
        Assert.Equal("marifah lestari", stored.NameKey);
        var application = await db.Applications.AsNoTracking().SingleAsync(a => a.RegistrationNumber == number);
        Assert.Equal("Ingin usaha.\n\nJahit.", application.Motivation);
    }

    [Fact]
    public async Task ANikWithADistrictOfZeroZeroIsRefusedAndNothingIsStored()
    {
        var program = await Applicants.ProgramAsync(app);
        var person = Applicants.NewPerson();
        var zero = "357200" + person.Nik[6..];
        var body = Applicants.Body(program, person with { Nik = zero });

        var response = await Applicants.ApplyAsync(app.CreateClient(), body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await Applicants.JsonAsync(response);
        Assert.Contains(problem.GetProperty("errors").GetProperty("nik").EnumerateArray(),
            m => m.GetString()!.StartsWith("Kode wilayah 35.72.00 pada NIK ini memuat 00", StringComparison.Ordinal));
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<TunasDb>();
        Assert.False(await db.Persons.AnyAsync(p => p.Nik == zero));
        Assert.False(await db.Applications.AnyAsync(a => a.ProgramId == program.Id));
    }
}
