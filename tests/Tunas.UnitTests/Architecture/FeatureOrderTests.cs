using System.Reflection;
using NetArchTest.Rules;

namespace Tunas.UnitTests.Architecture;

/// <summary>
/// Features depend one way, in the order of the flow (docs/decisions/0014): a feature may use those before it,
/// never one after it. Razor views count as part of the feature whose folder holds them. The composition root
/// (<c>Program</c> and <c>Tunas.Web.Data</c>: TunasDb, the provider switch, migrations) is exempt.
/// </summary>
public sealed class FeatureOrderTests
{
    /// <summary>The one list of the order. A new feature takes its place here.</summary>
    public static readonly string[] Order =
    [
        "Shared", "Infrastructure", "Regions", "Agencies", "Users", "Account", "Audit",
        "Registry", "Programs", "Applications", "Selection", "Messages",
        "Training", "Businesses", "Impact",
        "Home", "Demo",
    ];

    private static readonly Assembly App = typeof(Program).Assembly;

    public static TheoryData<string> Features() => [.. Order];

    [Theory]
    [MemberData(nameof(Features))]
    public void FeatureUsesNoFeatureAfterIt(string feature)
    {
        var later = Order.SkipWhile(f => f != feature).Skip(1).Select(Namespace).ToArray();
        if (later.Length == 0)
        {
            return;
        }
        var offenders = Offenders(feature, later);
        Assert.True(offenders.Count == 0,
            $"{feature} uses a feature that comes after it in the order ({string.Join(", ", Order)}):\n  " + string.Join("\n  ", offenders));
    }

    [Fact]
    public void EveryFeatureFolderHasAPlaceInTheOrder()
    {
        var features = App.GetTypes()
            .Select(t => t.Namespace)
            .OfType<string>()
            .Where(n => n.StartsWith("Tunas.Web.Features.", StringComparison.Ordinal))
            .Select(n => n["Tunas.Web.Features.".Length..].Split('.')[0])
            .Distinct()
            .Where(f => !Order.Contains(f))
            .ToList();
        Assert.Empty(features);
    }

    [Fact]
    public void TheTestCatchesABackwardReference()
    {
        // The selection comes after applications and uses their decision types: read the other way round, the
        // rule must fail, or the theory above proves nothing.
        Assert.NotEmpty(Offenders("Selection", [Namespace("Applications")]));
    }

    private static List<string> Offenders(string feature, string[] laterNamespaces)
    {
        var code = Types.InAssembly(App).That().ResideInNamespace(Namespace(feature))
            .ShouldNot().HaveDependencyOnAny(laterNamespaces).GetResult();
        // Views compile to AspNetCoreGeneratedDocument.Features_<Feature>_<Page>.
        var views = Types.InAssembly(App).That().HaveNameStartingWith($"Features_{feature}_")
            .ShouldNot().HaveDependencyOnAny(laterNamespaces).GetResult();
        return [.. (code.FailingTypeNames ?? []).Concat(views.FailingTypeNames ?? [])
            .Where(n => !n.Contains("<>", StringComparison.Ordinal) && !n.Contains("/<", StringComparison.Ordinal))
            .Distinct().Order(StringComparer.Ordinal)];
    }

    private static string Namespace(string feature) =>
        feature == "Infrastructure" ? "Tunas.Web.Infrastructure" : "Tunas.Web.Features." + feature;
}
