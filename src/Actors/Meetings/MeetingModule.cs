using System.Collections.Frozen;
using OpenTalk.Actors.Journal;

namespace OpenTalk.Actors.Meetings;

/// <summary>
/// One feature of a meeting (the timer, polls, chat, ...). Everything a module adds lives in its own folder and
/// joins the meeting through this seam: the meeting offers every command to each registered module until one
/// answers, and every event to all of them (a module may react to another's event, as the talking stick does
/// when its speaker leaves).
/// </summary>
public interface IMeetingModule
{
    /// <summary>The events it writes, with names the journal stores and that never change (see <see cref="EventCatalog"/>).</summary>
    IReadOnlyList<(Type Type, string Manifest)> Events { get; }

    /// <summary>What a command it owns means (from a participant, a service or the meeting's own clocks); null for other commands.</summary>
    Decision? Decide(MeetingState state, object command, DateTimeOffset now);

    /// <summary>The state after an event (its own, or another module's it reacts to); null when the event changes nothing of its own.</summary>
    MeetingState? Apply(MeetingState state, DomainEvent evt);

    /// <summary>Who hears what about an event; null (or nothing) for events it does not speak about.</summary>
    IEnumerable<Notification>? Notify(DomainEvent evt, MeetingState before, MeetingState after);

    /// <summary>What the meeting must do beyond its state after an event: its own clocks, messages to other entities.</summary>
    IEnumerable<MeetingEffect> Effects(DomainEvent evt, MeetingState before, MeetingState after) => [];

    /// <summary>
    /// The clocks a state needs, set again after the meeting recovered from the journal or after one of its
    /// clocks fired early (deadlines are in the state, so scheduling twice is harmless).
    /// </summary>
    IEnumerable<MeetingEffect> Resume(MeetingState state) => [];

    /// <summary>What only the sender (or those it names) hear about an accepted command, and the journal must not hold: a vote's secret tokens.</summary>
    IEnumerable<Notification> Confidential(IParticipantCommand command, Decision accepted) => [];
}

/// <summary>Something a meeting does outside its state; the actor carries it out after the event is stored.</summary>
public abstract record MeetingEffect;

/// <summary>Starts (or restarts) one of the room's own clocks: at <paramref name="At"/> the room receives <paramref name="Tick"/>.</summary>
public sealed record StartClock(string Key, IMeetingClockTick Tick, DateTimeOffset At) : MeetingEffect;

/// <summary>What one of the room's own clocks delivers to it when it fires; decided like any command.</summary>
public interface IMeetingClockTick;

public sealed record StopClock(string Key) : MeetingEffect;

/// <summary>A message for another meeting (a breakout room), through the meeting shard region.</summary>
public sealed record SendToMeeting(object Command) : MeetingEffect;

/// <summary>A message for the timer entities, which run the room's countdowns.</summary>
public sealed record SendToTimers(object Command) : MeetingEffect;

/// <summary>
/// A command that may reach a room that does not exist (yet) or has closed: creating a room, a breakout
/// room opening or closing. Every other command to such a room is refused with <c>not_found</c>.
/// </summary>
public interface IRoomLifecycleCommand;

/// <summary>The registered modules. Adding a module is a folder with its <see cref="IMeetingModule"/> and one line here.</summary>
public static class MeetingModules
{
    /// <summary>In this order they see each event: the room and presence first, since the others read who is in it.</summary>
    public static IReadOnlyList<IMeetingModule> All { get; } =
    [
        new RoomModule(),
        new ControlModule(),
        new WaitingRoomModule(),
        new ModerationModule(),
        new MediaModule(),
        new ChatModule(),
        new RoomTimerModule(),
        new PollModule(),
        new AutomodModule(),
        new LegalVoteModule(),
        new WhisperModule(),
        new BreakoutModule(),
    ];

    private static readonly FrozenSet<Type> OwnedEvents = All.SelectMany(m => m.Events).Select(e => e.Type).ToFrozenSet();

    /// <summary>Whether a registered module writes this event type.</summary>
    public static bool Owns(Type eventType) => OwnedEvents.Contains(eventType);

    public static Decision? Decide(IEnumerable<IMeetingModule> modules, MeetingState state, object command, DateTimeOffset now) =>
        modules.Select(m => m.Decide(state, command, now)).FirstOrDefault(d => d is not null);

    public static MeetingState Apply(IEnumerable<IMeetingModule> modules, MeetingState state, DomainEvent evt) =>
        modules.Aggregate(state, (current, module) => module.Apply(current, evt) ?? current);

    public static IEnumerable<Notification> Notify(IEnumerable<IMeetingModule> modules, DomainEvent evt, MeetingState before, MeetingState after) =>
        modules.SelectMany(m => m.Notify(evt, before, after) ?? []);

    public static IEnumerable<MeetingEffect> Effects(IEnumerable<IMeetingModule> modules, DomainEvent evt, MeetingState before, MeetingState after) =>
        modules.SelectMany(m => m.Effects(evt, before, after));

    public static IEnumerable<MeetingEffect> Resume(IEnumerable<IMeetingModule> modules, MeetingState state) =>
        modules.SelectMany(m => m.Resume(state));

    public static IEnumerable<Notification> Confidential(IEnumerable<IMeetingModule> modules, IParticipantCommand command, Decision accepted) =>
        modules.SelectMany(m => m.Confidential(command, accepted));
}
