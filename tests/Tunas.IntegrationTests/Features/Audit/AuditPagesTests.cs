using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Tunas.IntegrationTests.Features.Registry;
using Tunas.IntegrationTests.Infrastructure;
using Tunas.Web.Features.Users;
using Tunas.Web.Infrastructure;

namespace Tunas.IntegrationTests.Features.Audit;

[Collection(SharedApp.Name)]
public sealed partial class AuditPagesTests(TunasFactory app)
{
    [Theory]
    [InlineData(Roles.ProgramOfficer)]
    [InlineData(Roles.VillageOperator)]
    [InlineData(Roles.Leadership)]
    [InlineData(Roles.ProviderStaff)]
    [InlineData(Roles.Facilitator)]
    [InlineData(Roles.Participant)]
    public async Task OnlyAnAdministratorBrowsesTheAuditTrail(string role)
    {
        var response = await (await app.PageClientAsync(role)).GetAsync("/Audit");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Account/AccessDenied", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheTrailOfOnePersonShowsEachChangeWithMaskedNiks()
    {
        var id = await Residents.CreateAsync(app, "3572034107889901", "Audit Nurhayati");
        var officer = await app.PageClientAsync(Roles.ProgramOfficer);
        await officer.PostAsync($"/Registry/Edit/{id}", await TunasFactory.FormAsync(officer, $"/Registry/Edit/{id}",
            Residents.Form("3572034107889902", "Audit Nurhayati", decile: "5")));
        var admin = await app.PageClientAsync(Roles.Administrator);

        var html = await Residents.PageAsync(admin, $"/Audit?person={id}");

        var actions = Actions(html);
        Assert.Equal("person.changed person.created", string.Join(" ", actions));
        Assert.Contains("3572••••••••9901", html, StringComparison.Ordinal);
        Assert.Contains("3572••••••••9902", html, StringComparison.Ordinal);
        Assert.DoesNotMatch("[0-9]{16}", html);
        Assert.Contains($"href=\"/Registry/Details/{id}\"", html, StringComparison.Ordinal);
        Assert.Contains("data-field=\"welfareDecile\"", html, StringComparison.Ordinal);
        Assert.Contains(TunasFactory.EmailOf(Roles.ProgramOfficer), html, StringComparison.Ordinal);
        Assert.Matches("[0-9]{2}/[0-9]{2}/[0-9]{4} [0-9]{2}:[0-9]{2} WIB", html);
    }

    [Fact]
    public async Task TheTrailFiltersByUserAndByDate()
    {
        var id = await Residents.CreateAsync(app, "3572034107889903", "Audit Per Pengguna");
        var viewer = await app.PageClientAsync(Roles.VillageOperator);
        await viewer.PostAsync($"/Registry/Details/{id}?handler=ShowNik", await TunasFactory.FormAsync(viewer, $"/Registry/Details/{id}", []));
        string operatorId;
        using (var scope = app.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            operatorId = (await users.FindByEmailAsync(TunasFactory.EmailOf(Roles.VillageOperator)))!.Id;
        }
        var admin = await app.PageClientAsync(Roles.Administrator);
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7));
        var tomorrow = today.AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var todayText = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        var byUser = await Residents.PageAsync(admin, $"/Audit?person={id}&actor={operatorId}");
        var fromTomorrow = await Residents.PageAsync(admin, $"/Audit?person={id}&from={tomorrow}");
        var untilToday = await Residents.PageAsync(admin, $"/Audit?person={id}&from={todayText}&to={todayText}");

        Assert.Equal("person.nik-viewed", string.Join(" ", Actions(byUser)));
        Assert.Contains(TunasFactory.EmailOf(Roles.VillageOperator), byUser, StringComparison.Ordinal);
        Assert.Empty(Actions(fromTomorrow));
        Assert.Equal("person.nik-viewed person.created", string.Join(" ", Actions(untilToday)));
    }

    [Fact]
    public async Task TheDetailsPageLinksAnAdministratorToThePersonsTrail()
    {
        var id = await Residents.CreateAsync(app, "3572034107889904", "Audit Tautan");

        var admin = await Residents.PageAsync((await app.PageClientAsync(Roles.Administrator)), $"/Registry/Details/{id}");
        var officer = await Residents.PageAsync((await app.PageClientAsync(Roles.ProgramOfficer)), $"/Registry/Details/{id}");

        Assert.Contains($"href=\"/Audit?person={id}\"", admin, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/Audit", officer, StringComparison.Ordinal);
    }

    private static List<string> Actions(string html) => [.. EntryAction().Matches(html).Select(m => m.Groups[1].Value)];

    [GeneratedRegex("<li class=\"list-group-item\" data-action=\"([^\"]+)\"")]
    private static partial Regex EntryAction();
}
