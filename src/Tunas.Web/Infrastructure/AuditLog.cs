using System.Text.Json;
using Tunas.Web.Data;

namespace Tunas.Web.Infrastructure;

/// <summary>Adds audit entries to the current unit of work; they are saved with the change they describe.</summary>
public sealed class AuditLog(TunasDb db, CurrentUser user, TimeProvider clock)
{
    public void Record(string action, string entityType, string? entityId, object? details = null, (string? Id, string Name)? actor = null)
    {
        db.AuditEntries.Add(new AuditEntry
        {
            At = clock.GetUtcNow().UtcDateTime,
            AgencyId = user.AgencyId,
            ActorId = actor is { } a ? a.Id : user.Id,
            ActorName = actor is { } b ? b.Name : user.Name ?? "system",
            Action = action,
            EntityType = entityType,
            EntityId = entityId,
            Details = details is null ? null : JsonSerializer.Serialize(details),
        });
    }
}
