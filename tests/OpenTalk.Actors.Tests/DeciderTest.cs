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

    /// <summary>Decides and applies (the command must be accepted), and returns who heard what and what the meeting does.</summary>
    protected static (MeetingState After, List<Notification> Heard, List<MeetingEffect> Effects) Run(MeetingState state, object command, DateTimeOffset? at = null)
    {
        var decision = When(state, command, at);
        Assert.Null(decision.Error);
        var heard = new List<Notification>();
        var effects = new List<MeetingEffect>();
        foreach (var evt in decision.Events)
        {
            var after = MeetingEvolve.Apply(state, evt);
            heard.AddRange(MeetingNotifications.For(evt, state, after));
            effects.AddRange(MeetingModules.All.Effects(evt, state, after));
            state = after;
        }
        return (state, heard, effects);
    }

    /// <summary>Decides and applies; the command must be accepted.</summary>
    protected static MeetingState Then(MeetingState state, object command)
    {
        var decision = When(state, command);
        Assert.Null(decision.Error);
        return decision.Events.Aggregate(state, MeetingEvolve.Apply);
    }
}
