using Tunas.Web.Data;
using Tunas.Web.Features.Account;
using Tunas.Web.Features.Agencies;
using Tunas.Web.Features.Applications;
using Tunas.Web.Features.Audit;
using Tunas.Web.Features.Businesses;
using Tunas.Web.Features.Businesses.Cashbook;
using Tunas.Web.Features.Businesses.Catalogue;
using Tunas.Web.Features.Businesses.FollowUps;
using Tunas.Web.Features.Demo;
using Tunas.Web.Features.Home;
using Tunas.Web.Features.Impact;
using Tunas.Web.Features.Messages;
using Tunas.Web.Features.Programs;
using Tunas.Web.Features.Regions;
using Tunas.Web.Features.Registry;
using Tunas.Web.Features.Selection;
using Tunas.Web.Features.Shared.Messaging;
using Tunas.Web.Features.Training;
using Tunas.Web.Features.Users;
using Tunas.Web.Infrastructure;

// Commands (`-- migrate`, `-- regions import <folder>`, `-- import persons <file>`) and `--demo` are ours; the rest goes to ASP.NET Core.
var command = CommandLine.Parse(args);
var builder = WebSetup.CreateBuilder(command);

// Platform: the database (SQLite file by default, PostgreSQL by configuration), health, pages and JSON API.
builder.Services.AddTunasDatabase(builder.Configuration).AddTunasHealth().AddTunasWeb().AddLightPages();

// Features, in the order of the flow; each registers its own services, options and commands.
builder.Services.AddRegions().AddAgencies().AddUsers().AddAccount(builder.Configuration).AddAudit();
builder.Services.AddOutbox().AddRegistry().AddPrograms().AddApplications().AddSelectionRuns().AddMessages();
builder.Services.AddTraining().AddBusinesses().AddCashbook().AddFollowUps().AddCatalogue().AddImpact();
builder.Services.AddDemo().AddDesk();

var app = builder.Build();

// Schema, regions, roles and the first administrator before the first request; a command runs and stops.
if (!await app.InitializeAsync(command))
{
    return 1; // the database cannot be opened: one sentence on stderr says why
}
if (command.Name != CommandName.Serve)
{
    return await CommandLine.RunAsync(command, app.Services);
}
if (command.Demo)
{
    await app.SeedDemoAsync();
}

// The pipeline: the client as a trusted proxy saw it, security headers and HTTPS (Infrastructure/HttpSetup.cs);
// compressed answers and versioned static files cached for a year (Infrastructure/LightPages.cs, decision 0020);
// errors, then routing (after the error handlers, so that a re-executed error page finds its endpoint), language,
// first-run setup, sign-in, policies, the public rate limits.
app.UseTunasHttp();
app.UseResponseCompression();
app.UseTunasErrors();
app.UseLightStaticFiles();
app.UseRouting();
app.UseRequestLocalization();
app.UseMiddleware<SetupRedirect>();
app.UseAuthentication();
app.UseApiAntiforgery(); // an API write under the sign-in cookie needs the antiforgery header
app.UseAuthorization();
app.UseRateLimiter();

// Endpoints: health, the API's description, the pages, each feature's API in the order of the flow, then a 404.
app.MapTunasHealth();
app.MapTunasOpenApi().MapRazorPages();
app.MapAuth().MapUsers().MapRegions().MapRegistry().MapPrograms().MapApplications().MapSelectionRuns().MapMessages();
app.MapTraining().MapBusinesses().MapCashbook().MapFollowUps().MapCatalogue().MapImpact();
app.MapNotFound();

app.Run();
return 0;

/// <summary>Entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
