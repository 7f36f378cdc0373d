using OpenTalk.Actors.Journal;
using OpenTalk.Actors.Sharding;

namespace OpenTalk.Actors.Scheduling;

/// <summary>
/// How one occurrence differs from its series: moved (local times in the meeting's zones), retitled, or cancelled.
/// Null fields keep the series' value.
/// </summary>
public sealed record InstanceException(
    string InstanceId, string? Title, string? Description, DateTime? StartsAt, DateTime? EndsAt, bool Cancelled);

public sealed record InstanceChanged(Guid EventId, InstanceException Exception) : DomainEvent
{
    public bool SuppressMail { get; init; }
}

/// <summary>The creator changes one occurrence; it must be an original occurrence of the series.</summary>
public sealed record ChangeInstance(Guid EventId, Guid UserId, InstanceException Exception, bool SuppressMail) : IWithEventId;
