using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Scalar.AspNetCore;

namespace Tunas.Web.Infrastructure;

public static class OpenApiSetup
{
    public static IServiceCollection AddTunasOpenApi(this IServiceCollection services) =>
        services.AddOpenApi("v1", o => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info = new OpenApiInfo
            {
                Title = "Tunas API",
                Version = "v1",
                Description = "Entrepreneurship-training programs of a local government, end to end. " +
                    "Get a token from POST /api/v1/auth/token and send it as `Authorization: Bearer <token>`.",
            };
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes["Bearer"] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "JWT",
            };
            return Task.CompletedTask;
        }));

    /// <summary>The document at /openapi/v1.json and a readable page at /docs, both public and served from the app itself.</summary>
    public static WebApplication MapTunasOpenApi(this WebApplication app)
    {
        app.MapOpenApi().AllowAnonymous();
        app.MapScalarApiReference("/docs", o => o
                .WithTitle("Tunas API")
                .WithOpenApiRoutePattern("/openapi/{documentName}.json")
                .DisableDefaultFonts()
                // Nothing that calls services on the internet: the page must work in an office without it.
                .DisableAgent()
                .HideDeveloperTools()
                .HideClientButton()
                // Its inline start-up script runs under the page's Content-Security-Policy by a nonce per request (SecurityHeaders).
                .WithNonce())
            .AllowAnonymous();
        return app;
    }
}
