using OpenTalk.Actors.Journal;

namespace OpenTalk.Actors.Meetings;

/// <summary>
/// One feature of a meeting (the timer, polls, ...). Everything a module adds lives in its own folder and
/// joins the meeting through this seam: the meeting offers every command, event and notification to each
/// registered module in turn, and a module answers null for what is not its own.
/// </summary>
public interface IMeetingModule
{
    /// <summary>The events it writes, with names the journal stores and that never change (see <see cref="EventCatalog"/>).</summary>
    IReadOnlyList<(Type Type, string Manifest)> Events { get; }

    /// <summary>What a command it owns means (from a participant or from the meeting's own clocks); null for other commands.</summary>
    Decision? Decide(MeetingState state, object command, DateTimeOffset now);

    /// <summary>The state after one of its events; null for other events.</summary>
    MeetingState? Apply(MeetingState state, DomainEvent evt);

    /// <summary>Who hears what about one of its events; null for other events.</summary>
    IEnumerable<Notification>? Notify(DomainEvent evt, MeetingState before, MeetingState after);
}

/// <summary>The registered modules. Adding a module is a folder with its <see cref="IMeetingModule"/> and one line here.</summary>
public static class MeetingModules
{
    public static IReadOnlyList<IMeetingModule> All { get; } =
    [
        new RoomTimerModule(),
        new PollModule(),
    ];

    public static Decision? Decide(IEnumerable<IMeetingModule> modules, MeetingState state, object command, DateTimeOffset now) =>
        modules.Select(m => m.Decide(state, command, now)).FirstOrDefault(d => d is not null);

    public static MeetingState? Apply(IEnumerable<IMeetingModule> modules, MeetingState state, DomainEvent evt) =>
        modules.Select(m => m.Apply(state, evt)).FirstOrDefault(s => s is not null);

    public static IEnumerable<Notification>? Notify(IEnumerable<IMeetingModule> modules, DomainEvent evt, MeetingState before, MeetingState after) =>
        modules.Select(m => m.Notify(evt, before, after)).FirstOrDefault(n => n is not null);
}
