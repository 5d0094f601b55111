namespace Tunas.Web.Features.Registry;

/// <summary>
/// A later feature that keeps copies of some of a person's fields beside its own rows (the dashboard's, decision 0034).
/// The change tracker tells it of a person edited through EF; the registry's bulk path writes without it, so it tells
/// each copier which persons it changed, inside its transaction, after their rows are written.
/// </summary>
public interface IPersonFieldCopies
{
    Task PersonsChangedAsync(IReadOnlyCollection<long> personIds, CancellationToken ct = default);
}
