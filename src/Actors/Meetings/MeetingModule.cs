using System.Collections.Frozen;
using OpenTalk.Actors.Journal;

namespace OpenTalk.Actors.Meetings;

/// <summary>
/// One feature of a meeting (the timer, polls, chat, ...). Everything a module adds lives in its own folder and
/// joins the meeting through this seam: the meeting offers every command to each registered module until one
/// answers, and each event to the module that owns it and to those that react to it (<see cref="ReactsTo"/>).
/// </summary>
public interface IMeetingModule
{
    /// <summary>The events it writes, with names the journal stores and that never change (see <see cref="EventCatalog"/>).</summary>
    IReadOnlyList<(Type Type, string Manifest)> Events { get; }

    /// <summary>
    /// Other modules' events it changes its state for, speaks about or acts on (the talking stick lets go of someone
    /// who leaves). The meeting offers a module only its own events and these.
    /// </summary>
    IReadOnlyList<Type> ReactsTo => [];

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

    /// <summary>Its part of <c>join_success</c> for a participant who joins or resumes; null when it has nothing to tell.</summary>
    ModuleJoinState? JoinState(JoinContext join) => null;
}

/// <summary>Who joins which meeting state; <paramref name="LastChatMessage"/> is the newest chat message a resuming client has.</summary>
public sealed record JoinContext(MeetingState State, MeetingParticipant Me, Guid? LastChatMessage);

/// <summary>A module's part of <c>join_success</c>, under its name there (the module's namespace).</summary>
public sealed record ModuleJoinState(string Name, object State);

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
    public static MeetingModuleSet All { get; } = new(
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
        new RecordingModule(),
        new AssetsModule(),
        new DialOutModule(),
        new MeetingNotesModule(),
        new WhiteboardModule(),
        new SharedFolderModule(),
        new MeetingReportModule(),
    ]);
}

/// <summary>
/// Modules as the meeting uses them: commands to each in turn until one answers; an event to its owner and the
/// modules that react to it, in registration order (looked up once per event type: this is the hot path of every
/// message).
/// </summary>
public sealed class MeetingModuleSet
{
    private readonly FrozenDictionary<Type, IMeetingModule[]> _byEvent;

    public MeetingModuleSet(IReadOnlyList<IMeetingModule> modules)
    {
        Modules = modules;
        var owned = modules.SelectMany(m => m.Events).Select(e => e.Type).ToHashSet();
        _byEvent = owned.ToFrozenDictionary(type => type,
            type => modules.Where(m => m.Events.Any(e => e.Type == type) || m.ReactsTo.Contains(type)).ToArray());
    }

    public IReadOnlyList<IMeetingModule> Modules { get; }

    public IEnumerable<(Type Type, string Manifest)> Events => Modules.SelectMany(m => m.Events);

    /// <summary>Whether one of the modules writes this event type.</summary>
    public bool Owns(Type eventType) => _byEvent.ContainsKey(eventType);

    /// <summary>The modules an event of this type is offered to: its owner and those that react to it.</summary>
    public IReadOnlyList<IMeetingModule> For(Type eventType) => _byEvent.GetValueOrDefault(eventType, []);

    public Decision? Decide(MeetingState state, object command, DateTimeOffset now)
    {
        foreach (var module in Modules)
        {
            if (module.Decide(state, command, now) is { } decision)
                return decision;
        }
        return null;
    }

    public MeetingState Apply(MeetingState state, DomainEvent evt)
    {
        foreach (var module in For(evt.GetType()))
            state = module.Apply(state, evt) ?? state;
        return state;
    }

    public IEnumerable<Notification> Notify(DomainEvent evt, MeetingState before, MeetingState after)
    {
        var offered = For(evt.GetType());
        return offered is [var only]
            ? only.Notify(evt, before, after) ?? []
            : offered.SelectMany(m => m.Notify(evt, before, after) ?? []);
    }

    public IEnumerable<MeetingEffect> Effects(DomainEvent evt, MeetingState before, MeetingState after) =>
        For(evt.GetType()).SelectMany(m => m.Effects(evt, before, after));

    public IEnumerable<MeetingEffect> Resume(MeetingState state) => Modules.SelectMany(m => m.Resume(state));

    public IEnumerable<Notification> Confidential(IParticipantCommand command, Decision accepted) =>
        Modules.SelectMany(m => m.Confidential(command, accepted));

    /// <summary>Every module's part of <c>join_success</c>, in registration order.</summary>
    public Dictionary<string, object> JoinStates(JoinContext join)
    {
        var states = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var module in Modules)
        {
            if (module.JoinState(join) is { } part)
                states.Add(part.Name, part.State);
        }
        return states;
    }
}
