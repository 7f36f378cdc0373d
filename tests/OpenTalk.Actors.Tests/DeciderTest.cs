using OpenTalk.Actors.Journal;
using OpenTalk.Actors.Meetings;

namespace OpenTalk.Actors.Tests;

/// <summary>Given/When/Then for the pure meeting decider: a fixed clock, one room.</summary>
public abstract class DeciderTest
{
    protected static readonly DateTimeOffset Now = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);
    protected static readonly RoomId Room = new(Guid.NewGuid());

    protected static MeetingState Given(params DomainEvent[] history) =>
        history.Aggregate(MeetingState.Empty(Room), MeetingEvolve.Apply);

    protected static Decision When(MeetingState state, object command, DateTimeOffset? at = null) =>
        MeetingDecider.Decide(state, command, at ?? Now);

    /// <summary>Decides and applies; the command must be accepted.</summary>
    protected static MeetingState Then(MeetingState state, object command)
    {
        var decision = When(state, command);
        Assert.Null(decision.Error);
        return decision.Events.Aggregate(state, MeetingEvolve.Apply);
    }
}
