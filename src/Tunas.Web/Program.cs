using System.Text.Json.Serialization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Localization;
using Tunas.Web.Data;
using Tunas.Web.Features.Account;
using Tunas.Web.Features.Agencies;
using Tunas.Web.Features.Applications;
using Tunas.Web.Features.Audit;
using Tunas.Web.Features.Messages;
using Tunas.Web.Features.Programs;
using Tunas.Web.Features.Regions;
using Tunas.Web.Features.Registry;
using Tunas.Web.Features.Selection;
using Tunas.Web.Features.Users;
using Tunas.Web.Infrastructure;

// Commands (`-- migrate`, `-- regions import <folder>`) and `--demo` are ours; the rest goes to ASP.NET Core.
var command = CommandLine.Parse(args);
var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = command.HostArgs,
    // The app's own folder holds wwwroot, the region files and (by default) the SQLite file, so
    // `dotnet run --project src/Tunas.Web` and `dotnet out/Tunas.Web.dll` behave the same from any directory.
    ContentRootPath = command.HostArgs.Any(a => a.StartsWith("--contentRoot", StringComparison.OrdinalIgnoreCase)) ? null : AppContext.BaseDirectory,
});
builder.WebHost.UseUrls(builder.Configuration["Urls"] ?? "http://localhost:5080");

// Database: SQLite file by default, PostgreSQL by configuration; data-protection keys live in it too.
builder.Services.AddTunasDatabase(builder.Configuration);
builder.Services.AddDataProtection().SetApplicationName("Tunas").PersistKeysToDbContext<TunasDb>();
builder.Services.AddTunasHealth();
builder.Services.AddSingleton(TimeProvider.System);

// Sign-in, roles and policies; Bahasa Indonesia first.
builder.Services.AddTunasAuth(builder.Configuration);
builder.Services.AddTunasLocalization();

// Pages, JSON API, OpenAPI document, ProblemDetails for API errors.
builder.Services.AddRazorPages(o => o.RootDirectory = "/Features")
    .AddViewLocalization()
    .AddDataAnnotationsLocalization(LocalizationSetup.LocalizeDataAnnotations);
builder.Services.AddOptions<Microsoft.AspNetCore.Mvc.MvcOptions>().Configure<IStringLocalizerFactory>(LocalizationSetup.LocalizeModelBinding);
builder.Services.ConfigureHttpJsonOptions(o =>
    o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(System.Text.Json.JsonNamingPolicy.CamelCase)));
builder.Services.AddProblemDetails();
builder.Services.AddTunasOpenApi();

// Features.
builder.Services.Configure<AdminOptions>(builder.Configuration.GetSection(AdminOptions.Section));
builder.Services.Configure<AgencyOptions>(builder.Configuration.GetSection(AgencyOptions.Section));
builder.Services.AddRegions();
builder.Services.AddSingleton<SetupState>();
builder.Services.AddScoped<AgencyService>();
builder.Services.AddScoped<AuditLog>();
builder.Services.AddScoped<UserAdmin>();
builder.Services.AddScoped<AppInitializer>();
builder.Services.AddScoped<DemoSeeder>();
builder.Services.AddScoped<DemoProgramSeeder>();
builder.Services.AddRegistry();
builder.Services.AddPrograms();
builder.Services.AddApplications();
builder.Services.AddSelectionRuns();
builder.Services.AddMessages();

var app = builder.Build();

// Schema, regions, roles and the first administrator before the first request (or a command).
using (var scope = app.Services.CreateScope())
{
    var database = scope.ServiceProvider.GetRequiredService<DatabaseInfo>();
    app.Logger.LogInformation("Database: {Database}", database.Describe());
    if (command.Name != CommandName.Migrate)
    {
        await scope.ServiceProvider.GetRequiredService<AppInitializer>().InitializeAsync();
    }
}
if (command.Name != CommandName.Serve)
{
    return await CommandLine.RunAsync(command, app.Services);
}
if (command.Demo)
{
    using var scope = app.Services.CreateScope();
    await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(Console.Out);
}

// Errors: the API answers with ProblemDetails, pages with a friendly page in the user's language.
app.UseWhen(ctx => ctx.Request.Path.StartsWithSegments("/api"), api =>
{
    api.UseExceptionHandler();
    api.UseStatusCodePages();
});
app.UseWhen(ctx => !ctx.Request.Path.StartsWithSegments("/api"), pages =>
{
    if (!app.Environment.IsDevelopment())
    {
        pages.UseExceptionHandler("/Error");
    }
    pages.UseStatusCodePagesWithReExecute("/Error", "?code={0}");
});
app.UseStaticFiles();
// Routing after the error handlers, so that a re-executed error page finds its endpoint.
app.UseRouting();
app.UseRequestLocalization();
app.UseMiddleware<SetupRedirect>();
app.UseAuthentication();
app.UseAuthorization();
app.UseRateLimiter();

app.MapTunasHealth();
app.MapTunasOpenApi();
app.MapRazorPages();
app.MapAuth();
app.MapUsers();
app.MapRegions();
app.MapRegistry();
app.MapPrograms();
app.MapApplications();
app.MapSelectionRuns();
app.MapMessages();
// An address that matches nothing is a 404 for everyone (not a sign-in page for the anonymous).
app.MapFallback("{*path}", (HttpContext ctx) => Results.NotFound()).AllowAnonymous();

app.Run();
return 0;

/// <summary>Entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
