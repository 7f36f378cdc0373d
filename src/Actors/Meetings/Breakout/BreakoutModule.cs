using OpenTalk.Actors.Journal;
using OpenTalk.Actors.Participants;
using OpenTalk.Protocol.Rest;
using OpenTalk.Protocol.Signaling;

namespace OpenTalk.Actors.Meetings;

/// <summary>Breakout rooms: the main room plans them; each breakout room is a meeting entity of its own.</summary>
public sealed class BreakoutModule : IMeetingModule
{
    private const string SessionClock = "breakout";
    private const string ReturnClock = "breakout-return";

    /// <summary>How long an empty main room waits for people to come back from closed breakout rooms before its session ends.</summary>
    public static readonly TimeSpan ReturnWait = TimeSpan.FromMinutes(2);

    public IReadOnlyList<(Type Type, string Manifest)> Events { get; } =
    [
        (typeof(BreakoutSessionStarted), "meeting.breakout_session_started.v1"),
        (typeof(BreakoutSessionEnded), "meeting.breakout_session_ended.v1"),
        (typeof(BreakoutRoomOpened), "meeting.breakout_room_opened.v1"),
        (typeof(BreakoutRoomClosed), "meeting.breakout_room_closed.v1"),
    ];

    public Decision? Decide(MeetingState state, object command, DateTimeOffset now) => command switch
    {
        OpenBreakoutRoom c => DecideOpenBreakoutRoom(state, c, now),
        CloseBreakoutRoom c => DecideCloseBreakoutRoom(state, c, now),
        ExpireBreakout c => DecideBreakoutExpiry(state, c, now),
        CloseSessionAfterBreakout => state.Breakout is null && state.MainRoomId is null && state.Participants.IsEmpty && state.Session is not null
            ? Decision.Accept(MeetingDecider.Stamp(new SessionClosed(), Actor.System, now))
            : Decision.Nothing,
        IParticipantCommand c => FromParticipant(state, c, now),
        _ => null,
    };

    private static Decision? FromParticipant(MeetingState state, IParticipantCommand command, DateTimeOffset now)
    {
        if (command is not (StartBreakout or StopBreakout))
            return null;
        if (MeetingDecider.RequireModerator(state, command.ParticipantId) is { } refused)
            return refused;
        var by = Actor.Participant(command.ParticipantId);
        return command switch
        {
            _ when state.MainRoomId is not null => Decision.Reject(ErrorCodes.InvalidBreakout), // no breakout inside a breakout
            StartBreakout when state.Breakout is not null => Decision.Reject(ErrorCodes.BreakoutAlreadyRunning),
            StartBreakout c => PlanBreakout(state, c) is { } started
                ? Decision.Accept(MeetingDecider.Stamp(started, by, now))
                : Decision.Reject(ErrorCodes.InvalidBreakout),
            StopBreakout when state.Breakout is null => Decision.Reject(ErrorCodes.NoBreakoutRunning),
            StopBreakout => Decision.Accept(MeetingDecider.Stamp(new BreakoutSessionEnded(BreakoutSessionEnded.Stopped), by, now)),
            _ => null,
        };
    }

    private static BreakoutSessionStarted? PlanBreakout(MeetingState state, StartBreakout c)
    {
        if (c.Rooms.Count is 0 or > BreakoutSession.MaxRooms
            || c.Rooms.Any(r => r.Name.Trim().Length is 0 or > 255)
            || c.Rooms.Select(r => r.Id).Distinct().Count() != c.Rooms.Count
            || c.Duration is { } d && (d <= TimeSpan.Zero || d > BreakoutSession.MaxDuration))
            return null;
        var assigned = c.Rooms.SelectMany(r => r.Assignments.Select(p => (Participant: p, Room: r.Id))).ToList();
        if (assigned.Select(a => a.Participant).Distinct().Count() != assigned.Count || !MeetingDecider.AllInRoom(state, [.. assigned.Select(a => a.Participant)]))
            return null;
        if (assigned.Count == 0)
        {
            // No assignments given: spread everyone but the moderators evenly, starting at a random room.
            var people = state.InRoom.Where(p => !p.IsModerator).OrderBy(p => p.JoinedAt).ThenBy(p => p.Id).ToList();
            assigned = [.. people.Select((p, i) => (p.Id, c.Rooms[(int)(((uint)c.Dice + (uint)i) % (uint)c.Rooms.Count)].Id))];
        }
        var assignments = assigned.ToDictionary(a => a.Participant, a => a.Room);
        var plans = c.Rooms.Select(r => new BreakoutRoomPlan(r.Id, r.Name.Trim(),
            [.. assigned.Where(a => a.Room == r.Id).Select(a => state.Participants[a.Participant].Identity)])).ToList();
        return new BreakoutSessionStarted(plans, assignments, c.Duration);
    }

    private static Decision DecideBreakoutExpiry(MeetingState state, ExpireBreakout c, DateTimeOffset now) =>
        state.Breakout is { Expires: { } expires } session && session.StartedAt == c.StartedAt && expires <= now
            ? Decision.Accept(MeetingDecider.Stamp(new BreakoutSessionEnded(BreakoutSessionEnded.Expired), Actor.System, now))
            : Decision.Nothing;

    private static Decision DecideOpenBreakoutRoom(MeetingState state, OpenBreakoutRoom c, DateTimeOffset now) =>
        state.Closed ? Decision.Reject(ProblemCodes.NotFound)
        : state.Exists ? Decision.Nothing
        : Decision.Accept(MeetingDecider.Stamp(new BreakoutRoomOpened(c.RoomId, c.MainRoomId, c.OwnerId, c.Name), Actor.System, now));

    /// <summary>The breakout room closes: everyone in it leaves (and goes back to the main room).</summary>
    private static Decision DecideCloseBreakoutRoom(MeetingState state, CloseBreakoutRoom c, DateTimeOffset now) =>
        !state.Exists || state.Closed
            ? Decision.Nothing
            : Decision.Accept(
            [
                MeetingDecider.Stamp(new BreakoutRoomClosed(c.Reason), Actor.System, now),
                .. state.Participants.Keys.Select(id => MeetingDecider.Stamp(new ParticipantLeft(id, LeaveReason.Quit), Actor.System, now)),
            ]);

    /// <summary>Asked of the main room: the person may start here, the session runs, and they belong in that room (moderators visit any).</summary>
    public static BreakoutAdmission CheckAdmission(MeetingState state, CheckBreakoutAdmission c, DateTimeOffset now)
    {
        var main = MeetingAdmission.Check(state, new CheckAdmission(c.RoomId, c.Identity, c.Password), now);
        if (main.Error is { } error)
            return new BreakoutAdmission(c.RoomId, Guid.Empty, null, error);
        if (state.Breakout?.Rooms.FirstOrDefault(r => r.Id == c.BreakoutRoomId) is not { } plan)
            return new BreakoutAdmission(c.RoomId, Guid.Empty, null, ProblemCodes.NotFound);
        var isModerator = state.IsOwner(c.Identity)
            || state.InRoom.Any(p => p.IsModerator && p.Identity.IsSamePerson(c.Identity));
        return isModerator || plan.Assigned.Any(a => a.IsSamePerson(c.Identity))
            ? new BreakoutAdmission(c.RoomId, state.Room!.OwnerId, plan.Name, null)
            : new BreakoutAdmission(c.RoomId, Guid.Empty, null, ProblemCodes.NotAssigned);
    }

    public MeetingState? Apply(MeetingState state, DomainEvent evt) => evt switch
    {
        BreakoutSessionStarted e => state with { Breakout = new BreakoutSession(e.Rooms, e.Assignments, e.OccurredAt, e.Duration), BreakoutEndedAt = null },
        BreakoutSessionEnded e => state with { Breakout = null, BreakoutEndedAt = e.OccurredAt },
        BreakoutRoomOpened e => state with
        {
            Room = new RoomSettings(e.OwnerId, null, false), MainRoomId = e.MainRoomId, BreakoutName = e.Name,
        },
        BreakoutRoomClosed => state with { Closed = true },
        _ => null,
    };

    /// <summary>In a breakout room: the main room to go back to; in the main room: the running session and one's own room in it.</summary>
    public ModuleJoinState? JoinState(JoinContext join) => join.State switch
    {
        { MainRoomId: { } main } state => new(Namespaces.Breakout, new BreakoutModuleState([], null, null, state.RoomId, main)),
        { Breakout: { } session } => new(Namespaces.Breakout, new BreakoutModuleState(session.Infos(), session.Expires,
            session.Assignments.TryGetValue(join.Me.Id, out var room) ? room : null, null, null)),
        _ => null,
    };

    public IEnumerable<Notification>? Notify(DomainEvent evt, MeetingState before, MeetingState after) => evt switch
    {
        BreakoutSessionStarted => after.InRoom.Select(p => new Notification(p.Id, Namespaces.Breakout, after.Breakout!.StartedFor(p.Id))),
        BreakoutSessionEnded e => MeetingNotifications.ToRoom(after, Namespaces.Breakout, BreakoutEnd(e.Reason)),
        BreakoutRoomClosed e => MeetingNotifications.ToRoom(before, Namespaces.Breakout, BreakoutEnd(e.Reason)),
        _ => null,
    };

    private static ServerPayload BreakoutEnd(string reason) =>
        reason == BreakoutSessionEnded.Expired ? new BreakoutExpiredPayload() : new BreakoutStoppedPayload();

    /// <summary>The main room opens and closes its breakout rooms, each a meeting entity of its own.</summary>
    public IEnumerable<MeetingEffect> Effects(DomainEvent evt, MeetingState before, MeetingState after) => evt switch
    {
        BreakoutSessionStarted started =>
        [
            .. started.Rooms.Select(room => new SendToMeeting(new OpenBreakoutRoom(room.Id, after.RoomId, after.Room!.OwnerId, room.Name))),
            .. Resume(after),
        ],
        BreakoutSessionEnded ended =>
        [
            .. (before.Breakout?.Rooms ?? []).Select(room => new SendToMeeting(new CloseBreakoutRoom(room.Id, ended.Reason))),
            new StopClock(SessionClock),
            // Everyone was in breakout rooms: they come back now, or the session ends a little later.
            .. after.Participants.IsEmpty ? [ReturnClockFrom(ended.OccurredAt)] : Array.Empty<MeetingEffect>(),
        ],
        _ => [],
    };

    /// <summary>
    /// After a restart: the running session's end, or, when it has ended and nobody is back in the main room yet, the
    /// wait after which the main room's session closes (already over if the restart took longer: it closes at once).
    /// </summary>
    public IEnumerable<MeetingEffect> Resume(MeetingState state) => state switch
    {
        { Breakout: { Expires: { } expires } session } => [new StartClock(SessionClock, new ExpireBreakout(session.StartedAt), expires)],
        { Breakout: null, MainRoomId: null, Session: not null, BreakoutEndedAt: { } ended } when state.Participants.IsEmpty => [ReturnClockFrom(ended)],
        _ => [],
    };

    private static StartClock ReturnClockFrom(DateTimeOffset ended) => new(ReturnClock, new CloseSessionAfterBreakout(ended), ended + ReturnWait);
}
