using OpenTalk.Actors.Journal;

namespace OpenTalk.Actors.Meetings;

/// <summary>The outcome of deciding a command: events to write, or an error code and no events.</summary>
public sealed record Decision(IReadOnlyList<DomainEvent> Events, string? Error)
{
    public static readonly Decision Nothing = new([], null);

    public bool IsRejected => Error is not null;

    public static Decision Accept(params DomainEvent[] events) => new(events, null);

    public static Decision Reject(string error) => new([], error);
}
