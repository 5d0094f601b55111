using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;
using Tunas.Web.Features.Registry;

namespace Tunas.Web.Features.Programs;

/// <summary>
/// How the program pages show a program and their problems. The Create and Edit pages bind <see cref="ProgramInput"/>
/// itself (text: the budget is typed as "Rp150.000.000"); the API's typed body maps to it (<see cref="ProgramBody.ToInput"/>).
/// </summary>
public static class ProgramForm
{
    public static ProgramInput From(TrainingProgram p)
    {
        ArgumentNullException.ThrowIfNull(p);
        return new()
        {
            Name = p.Name,
            Year = Checks.Number(p.Year),
            Budget = p.Budget.ToString("N0", CultureInfo.CurrentCulture),
            TransportPerDay = p.TransportPerDay.ToString("N0", CultureInfo.CurrentCulture),
            Description = p.Description,
            TargetSize = Checks.Number(p.TargetSize),
            RegistrationOpens = Checks.Iso(p.RegistrationOpens),
            RegistrationCloses = Checks.Iso(p.RegistrationCloses),
            SelectionOn = Checks.Iso(p.SelectionOn),
            PublicationOn = Checks.Iso(p.PublicationOn),
            AppealOpens = Checks.Iso(p.AppealOpens),
            AppealCloses = Checks.Iso(p.AppealCloses),
            TrainingStarts = Checks.Iso(p.TrainingStarts),
            TrainingEnds = Checks.Iso(p.TrainingEnds),
            Status = p.Status.ToString(),
            Seed = p.Seed,
        };
    }

    /// <summary>Puts each problem next to its field (<c>budget</c> → <c>Input.Budget</c>), in the user's language.</summary>
    public static void AddErrors(IEnumerable<FieldIssue> issues, ModelStateDictionary state, IStringLocalizer L, string prefix = "Input")
    {
        ArgumentNullException.ThrowIfNull(issues);
        ArgumentNullException.ThrowIfNull(state);
        foreach (var issue in issues)
        {
            state.AddModelError(Key(issue.Field, prefix), PersonsApi.Text(issue, L));
        }
    }

    /// <summary>
    /// The form key of an API field name: <c>registrationOpens</c> → <c>Input.RegistrationOpens</c>,
    /// <c>modules[2].hours</c> → <c>Input.Modules[2].Hours</c>.
    /// </summary>
    public static string Key(string field, string prefix = "Input")
    {
        ArgumentNullException.ThrowIfNull(field);
        var parts = field.Split('.');
        return prefix + "." + string.Join('.', parts.Select(p => p.Length == 0 ? p : char.ToUpperInvariant(p[0]) + p[1..]));
    }
}

/// <summary>What _ProgramFields.cshtml needs besides the typed values.</summary>
public sealed record ProgramFormView(ProgramInput Input, bool IsNew, bool SeedLocked);
