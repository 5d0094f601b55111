namespace Tunas.Web.Infrastructure;

/// <summary>The roles of the app; identifiers in English, shown to users in Indonesian (docs/glossary.md, "Roles").</summary>
public static class Roles
{
    public const string Administrator = nameof(Administrator);
    public const string ProgramOfficer = nameof(ProgramOfficer);
    public const string VillageOperator = nameof(VillageOperator);
    public const string ProviderStaff = nameof(ProviderStaff);
    public const string Facilitator = nameof(Facilitator);
    public const string Participant = nameof(Participant);
    public const string Leadership = nameof(Leadership);

    public static readonly IReadOnlyList<string> All =
        [Administrator, ProgramOfficer, VillageOperator, ProviderStaff, Facilitator, Participant, Leadership];

    /// <summary>The English label; the Indonesian one comes from the resources like every other text.</summary>
    public static string Label(string role) => role switch
    {
        Administrator => "Agency administrator",
        ProgramOfficer => "Program officer",
        VillageOperator => "Kelurahan operator",
        ProviderStaff => "Training provider staff",
        Facilitator => "Facilitator",
        Participant => "Participant",
        Leadership => "Leadership",
        _ => role,
    };

    public static string? Normalize(string? role) =>
        All.FirstOrDefault(r => string.Equals(r, role?.Trim(), StringComparison.OrdinalIgnoreCase));
}

/// <summary>Authorization policies, one per feature area, all defined in <see cref="AuthSetup"/>.</summary>
public static class Policies
{
    public const string ManageUsers = nameof(ManageUsers);
    public const string ManageAgency = nameof(ManageAgency);
    public const string CheckNik = nameof(CheckNik);

    /// <summary>The resident registry: find, view (full NIK on the detail page), create, edit, import.</summary>
    public const string Registry = nameof(Registry);

    /// <summary>Reviewing suspected duplicates and the audit trail of personal data.</summary>
    public const string RegistryReview = nameof(RegistryReview);

    public const string ViewAudit = nameof(ViewAudit);

    /// <summary>Programs, tracks, providers, quotas and rules: define and change them.</summary>
    public const string ManagePrograms = nameof(ManagePrograms);

    /// <summary>Enter applications for residents and see them (a VillageOperator only their own kelurahan's).</summary>
    public const string Applications = nameof(Applications);

    /// <summary>Run, publish and correct the selection: runs, appeals, withdrawals, waitlist promotions.</summary>
    public const string Selection = nameof(Selection);

    /// <summary>The outbox: see messages to residents and send the WhatsApp click-to-chat list.</summary>
    public const string Messages = nameof(Messages);
}

/// <summary>Claim types the app adds to a signed-in user.</summary>
public static class TunasClaims
{
    public const string VillageCode = "tunas:village";
    public const string ProviderId = "tunas:provider";
    public const string AgencyId = "tunas:agency";
    public const string FullName = "tunas:name";
}
