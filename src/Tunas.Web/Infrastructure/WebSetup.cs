using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Tunas.Web.Infrastructure;

/// <summary>The host, pages and JSON API plumbing every feature stands on; the pipeline's error handling.</summary>
public static class WebSetup
{
    /// <summary>
    /// The builder for <paramref name="command"/>'s host arguments. The app's own folder holds wwwroot, the region
    /// files and (by default) the SQLite file, so `dotnet run --project src/Tunas.Web` and `dotnet out/Tunas.Web.dll`
    /// behave the same from any directory.
    /// </summary>
    public static WebApplicationBuilder CreateBuilder(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = command.HostArgs,
            ContentRootPath = command.HostArgs.Any(a => a.StartsWith("--contentRoot", StringComparison.OrdinalIgnoreCase)) ? null : AppContext.BaseDirectory,
        });
        builder.WebHost.UseUrls(builder.Configuration["Urls"] ?? "http://localhost:5080");
        builder.Services.AddSingleton(TimeProvider.System);
        builder.AddTunasHttp();
        return builder;
    }

    /// <summary>Razor Pages from the feature folders, the JSON API's conventions, ProblemDetails, the OpenAPI document, Bahasa Indonesia first.</summary>
    public static IServiceCollection AddTunasWeb(this IServiceCollection services)
    {
        services.AddTunasLocalization();
        services.AddRazorPages(o => o.RootDirectory = "/Features")
            .AddViewLocalization()
            .AddDataAnnotationsLocalization(LocalizationSetup.LocalizeDataAnnotations);
        services.AddOptions<MvcOptions>().Configure<IStringLocalizerFactory>(LocalizationSetup.LocalizeModelBinding);
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase)));
        services.AddProblemDetails();
        // A body the API cannot bind is thrown to ApiBodyErrors, which names the field, instead of a bare 400.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddExceptionHandler<ApiBodyErrors>();
        // A passing database fault (a full disk, say) answers 503 with Retry-After, not 500.
        services.AddExceptionHandler<DatabaseFaultAnswer>();
        services.AddSingleton<ApiBodyEndpoints>();
        services.AddApiAntiforgery();
        services.AddTunasOpenApi();
        services.AddHttpContextAccessor();
        services.AddScoped<CurrentUser>();
        services.AddScoped<AuditLog>();
        return services;
    }

    /// <summary>The API answers errors with ProblemDetails, pages with a friendly page in the user's language.</summary>
    public static WebApplication UseTunasErrors(this WebApplication app)
    {
        app.UseWhen(ctx => ctx.Request.Path.StartsWithSegments("/api"), api =>
        {
            api.UseExceptionHandler();
            api.UseStatusCodePages();
        });
        app.UseWhen(ctx => !ctx.Request.Path.StartsWithSegments("/api"), pages =>
        {
            if (!app.Environment.IsDevelopment())
            {
                pages.UseExceptionHandler(new ExceptionHandlerOptions
                {
                    ExceptionHandlingPath = "/Error",
                    // A passing database fault (decision 0032) is a 503 on a page too: the error page names the cause.
                    StatusCodeSelector = e => DatabaseFaults.PassingCause(e) is null ? StatusCodes.Status500InternalServerError : StatusCodes.Status503ServiceUnavailable,
                });
            }
            pages.UseStatusCodePagesWithReExecute("/Error", "?code={0}");
        });
        return app;
    }

    /// <summary>
    /// An address that matches nothing is a 404 for everyone (not a sign-in page for the anonymous); an API address
    /// whose endpoint takes another content type than the one sent is a 415.
    /// </summary>
    public static WebApplication MapNotFound(this WebApplication app)
    {
        app.MapFallback("{*path}", (HttpContext ctx, ApiBodyEndpoints api, IStringLocalizer<SharedResource> L) =>
            api.AcceptsFor(ctx.Request) is { } accepts ? ApiBodyErrors.UnsupportedMediaType(L, accepts) : Results.NotFound()).AllowAnonymous();
        return app;
    }
}
