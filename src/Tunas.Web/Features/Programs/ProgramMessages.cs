namespace Tunas.Web.Features.Programs;

/// <summary>
/// The English texts of the program, track, provider, quota and rule checks; each is also its localization key
/// (SharedResource.id.resx). Arguments ({0}, {1}) are invariant text: numbers, codes, dates as dd/mm/yyyy.
/// </summary>
public static class ProgramMessages
{
    // Programs
    public const string NameRequiredMessage = "Fill in the program's name.";
    public const string TooLongMessage = "At most {0} characters.";
    public const string YearRequiredMessage = "Fill in the year of the program.";
    public const string YearInvalidMessage = "The year is a whole number from 2000 to 2100; '{0}' is not.";
    public const string BudgetRequiredMessage = "Fill in the budget in rupiah.";
    public const string BudgetInvalidMessage = "'{0}' is not an amount in rupiah. Type it like 150000000 or 150.000.000.";
    public const string TargetRequiredMessage = "Fill in how many participants the program will train.";
    public const string TargetInvalidMessage = "The target size is a whole number from 1 to {1}; '{0}' is not.";
    public const string DateRequiredMessage = "Fill in this date.";
    public const string DateInvalidMessage = "'{0}' is not a date. Use the date picker or type it as dd/mm/yyyy.";
    public const string CalendarOrderMessage = "This date is before {0}, the date of an earlier step. The steps follow each other: registration, selection, publication, appeal.";
    public const string TrainingBeforeRegistrationMessage = "The training cannot start before registration closes ({0}).";
    public const string TrainingEndBeforeStartMessage = "The training cannot end before it starts ({0}).";
    public const string StatusInvalidMessage = "'{0}' is not a status; use Draft, Active or Archived.";
    public const string SeedInvalidMessage = "The seed has 6 to 64 letters, digits or dashes.";
    public const string SeedLockedMessage = "The seed cannot change once registration has opened ({0}).";

    // Rules and selection settings
    public const string AgeInvalidMessage = "An age is a whole number from 0 to 120; '{0}' is not.";
    public const string AgeRangeMessage = "The minimum age ({0}) is above the maximum age ({1}).";
    public const string DesilInvalidMessage = "The highest desil is a whole number from 1 to 10; '{0}' is not.";
    public const string DomicileInvalidMessage = "'{0}' is not a regency/city or province code (e.g. 35.72 or 35).";
    public const string HouseholdInvalidMessage = "The number per family card is a whole number from 1 to 20; '{0}' is not.";
    public const string CompletionPercentInvalidMessage = "The attendance needed to complete is a whole percent from 0 to 100; '{0}' is not.";
    public const string CompletionPracticalInvalidMessage = "Whether the practical must be competent is true or false; '{0}' is not.";
    public const string YearsInvalidMessage = "The number of years is a whole number from 1 to 20; '{0}' is not.";
    public const string WeightInvalidMessage = "A weight is a whole number from 0 to 20; '{0}' is not.";
    public const string SpillOverInvalidMessage = "'{0}' is not a rule for unused seats; use None, SameTrack or SameTrackThenAnyTrack.";
    public const string WaitlistInvalidMessage = "The waitlist length is a whole number from 0 to 100000; '{0}' is not.";
    public const string NameDisplayInvalidMessage = "'{0}' is not a way to show names; use Initials or FullName.";

    // Tracks
    public const string TrackNameRequiredMessage = "Fill in the track's name.";
    public const string TrackNameTakenMessage = "This program already has a track named '{0}'.";
    public const string SortOrderInvalidMessage = "The order is a whole number from 1 to 999; '{0}' is not.";
    public const string TooManyModulesMessage = "A track has at most {0} modules.";
    public const string ModuleNameRequiredMessage = "Fill in the module's name.";
    public const string ModuleKindInvalidMessage = "'{0}' is not a kind of module; use Craft, BusinessManagement, Bookkeeping, Marketing, Permits or Other.";
    public const string ModuleHoursRequiredMessage = "Fill in the module's hours.";
    public const string ModuleHoursInvalidMessage = "Hours are a whole number from 1 to 200; '{0}' is not.";
    public const string TrackHasApplicationsMessage = "The track cannot be deleted: {0} application(s) chose it. Keep the track, or move those applications first.";
    public const string ProviderNotOfAgencyMessage = "Provider {0} is not one of the agency's providers.";
    public const string ProviderTwiceMessage = "Provider {0} is listed twice.";
    public const string SeatsInvalidMessage = "Seats are a whole number from 1 to 10000; '{0}' is not.";

    // Providers
    public const string ProviderNameRequiredMessage = "Fill in the provider's name.";
    public const string ProviderNameTakenMessage = "The agency already has a provider named '{0}'.";
    public const string ProviderTypeRequiredMessage = "Choose the type of provider.";
    public const string ProviderTypeInvalidMessage = "'{0}' is not a type of provider; use Lpk, Smk or Other.";
    public const string CapacityRequiredMessage = "Fill in how many participants it can train at once.";
    public const string CapacityInvalidMessage = "The capacity is a whole number from 1 to 10000; '{0}' is not.";
    public const string VillageInvalidMessage = "'{0}' is not a current kelurahan/desa code.";
    public const string EmailInvalidMessage = "'{0}' is not an email address.";

    // Quotas
    public const string QuotaVillageRequiredMessage = "Fill in the kelurahan/desa code.";
    public const string QuotaOutsideMessage = "Kelurahan/desa {0} is outside the program's area ({1}).";
    public const string QuotaTrackUnknownMessage = "Track {0} is not a track of this program.";
    public const string QuotaSizeRequiredMessage = "Fill in the number of seats.";
    public const string QuotaSizeInvalidMessage = "A quota is a whole number from 0 to 10000; '{0}' is not.";
    public const string QuotaMixedMessage = "Kelurahan/desa {0} has a quota for any track and quotas per track; give one or the other.";
    public const string QuotaTwiceMessage = "Kelurahan/desa {0} has the same quota twice.";
    public const string ProposalNoPoorMessage = "The registry has no resident of desil 1 to 4 in the program's area, so there is nothing to share the seats by. Import the DTKS/DTSEN data first, or type the quotas in.";
    public const string ProposalNoTracksMessage = "The program has no tracks yet: add tracks first, or propose quotas for any track.";
}
