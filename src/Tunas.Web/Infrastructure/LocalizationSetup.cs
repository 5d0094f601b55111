using System.Globalization;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc.DataAnnotations;
using Microsoft.Extensions.Localization;

namespace Tunas.Web.Infrastructure;

public static class LocalizationSetup
{
    public static readonly CultureInfo Indonesian = CultureInfo.GetCultureInfo("id-ID");
    public static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");
    public static readonly IReadOnlyList<CultureInfo> Supported = [Indonesian, English];

    /// <summary>
    /// For an exception handler, which runs outside the localization middleware: the UI culture that middleware chose
    /// for <paramref name="context"/> (Indonesian when it did not run), until the returned scope is disposed.
    /// </summary>
    public static UiCultureScope RequestUiCulture(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = context.Features.Get<IRequestCultureFeature>()?.RequestCulture.UICulture ?? Indonesian;
        return new UiCultureScope(before);
    }

    /// <summary>Puts the UI culture back as it was when disposed.</summary>
    public readonly struct UiCultureScope(CultureInfo before) : IDisposable
    {
        public void Dispose() => CultureInfo.CurrentUICulture = before;
    }

    /// <summary>Bahasa Indonesia by default; English when the user picks it (a cookie), never from the browser's guess.</summary>
    public static IServiceCollection AddTunasLocalization(this IServiceCollection services)
    {
        services.AddLocalization(o => o.ResourcesPath = "Resources");
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture(Indonesian);
            o.SupportedCultures = [.. Supported];
            o.SupportedUICultures = [.. Supported];
            o.RequestCultureProviders = [new CookieRequestCultureProvider()];
        });
        return services;
    }

    /// <summary>Model-binding messages ("The value '' is invalid") in the user's language.</summary>
    public static void LocalizeModelBinding(Microsoft.AspNetCore.Mvc.MvcOptions o, IStringLocalizerFactory factory)
    {
        var L = factory.Create(typeof(SharedResource));
        var p = o.ModelBindingMessageProvider;
        p.SetValueIsInvalidAccessor(v => L["The value '{0}' is not valid.", v]);
        p.SetValueMustBeANumberAccessor(f => L["The field {0} must be a number.", f]);
        p.SetMissingBindRequiredValueAccessor(f => L["A value for {0} was not provided.", f]);
        p.SetAttemptedValueIsInvalidAccessor((v, f) => L["The value '{0}' is not valid for {1}.", v, f]);
        p.SetMissingKeyOrValueAccessor(() => L["A value is required."]);
        p.SetUnknownValueIsInvalidAccessor(f => L["The value supplied for {0} is not valid.", f]);
        p.SetValueMustNotBeNullAccessor(f => L["The field {0} is required.", f]);
        p.SetNonPropertyAttemptedValueIsInvalidAccessor(v => L["The value '{0}' is not valid.", v]);
        p.SetNonPropertyUnknownValueIsInvalidAccessor(() => L["The value supplied is not valid."]);
        p.SetNonPropertyValueMustBeANumberAccessor(() => L["The field must be a number."]);
        p.SetMissingRequestBodyRequiredValueAccessor(() => L["A request body is required."]);
    }

    public static void LocalizeDataAnnotations(MvcDataAnnotationsLocalizationOptions o) =>
        o.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(SharedResource));
}
