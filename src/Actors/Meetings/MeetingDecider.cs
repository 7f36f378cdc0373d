using OpenTalk.Actors.Journal;
using OpenTalk.Actors.Participants;
using OpenTalk.Protocol.Rest;
using OpenTalk.Protocol.Signaling;

namespace OpenTalk.Actors.Meetings;

/// <summary>
/// Decides what a command means for a meeting: the events to write or the reason to refuse. The modules
/// (<see cref="MeetingModules"/>) decide their own commands; this adds what holds for all of them.
/// Pure: no I/O, no clock (the time comes in), no Akka.
/// </summary>
public static class MeetingDecider
{
    public const int MaxDisplayNameLength = 100;
    public const string AlreadyExists = "already_exists";

    public static Decision Decide(MeetingState state, object command, DateTimeOffset now)
    {
        var decision = DecideCommand(state, command, now);
        return decision.IsRejected || decision.Events.Count == 0 ? decision : WithLeavingsConsequences(state, decision, now);
    }

    /// <summary>
    /// Someone leaving may leave the recording without its recorder or without anyone to record, and when the last
    /// person leaves the session ends (unless breakout rooms are open): bans and hand settings do not outlive it.
    /// </summary>
    private static Decision WithLeavingsConsequences(MeetingState state, Decision decision, DateTimeOffset now)
    {
        // Only someone leaving has such consequences: skip the replay for every other decision.
        if (state.Participants.IsEmpty || !decision.Events.Any(e => e is ParticipantLeft))
            return decision;
        var after = decision.Events.Aggregate(state, MeetingEvolve.Apply);
        IReadOnlyList<DomainEvent> recording = state.Recording is null ? [] : RecordingModule.After(state, after, decision.Events, now);
        after = recording.Aggregate(after, MeetingEvolve.Apply);
        // While breakout rooms are open, everyone may be in them: the main room's session (its chat, notes, who was let
        // in) goes on, for them to come back to.
        IReadOnlyList<DomainEvent> ending = after.Participants.IsEmpty && state.Exists && after.Breakout is null
            ? [Stamp(new SessionClosed(), Actor.System, now)]
            : [];
        return recording.Count + ending.Count == 0 ? decision : new Decision([.. decision.Events, .. recording, .. ending], null);
    }

    private static Decision DecideCommand(MeetingState state, object command, DateTimeOffset now)
    {
        if (command is IRoomArchiveCommand ? state.Room is null : command is not IRoomLifecycleCommand && (!state.Exists || state.Closed))
            return Decision.Reject(ProblemCodes.NotFound);
        // A hidden service (the recorder) does its own work only: it cannot chat, vote, raise a hand or moderate.
        if (command is IParticipantCommand { } sent && state.Find(sent.ParticipantId) is { IsHidden: true }
            && command is not (ReportStreamPhase or Leave or Join))
            return Decision.Reject(ErrorCodes.InsufficientPermissions);
        return MeetingModules.All.Decide(state, command, now)
            ?? throw new ArgumentException($"A meeting cannot decide {command.GetType().Name}.", nameof(command));
    }

    public static MeetingRole InitialRole(MeetingState state, ParticipantIdentity identity) =>
        state.IsOwner(identity) ? MeetingRole.Moderator
        : identity.Kind == ParticipantKind.User && identity.UserId is { } user && state.InvitedModerators.Contains(user) ? MeetingRole.Moderator
        : identity.Kind == ParticipantKind.Guest ? MeetingRole.Guest
        : MeetingRole.User;

    internal static string? CleanDisplayName(string raw)
    {
        var name = raw.Trim();
        return name.Length is 0 or > MaxDisplayNameLength || name.Any(char.IsControl) ? null : name;
    }

    /// <summary>The sender of a participant command must be in the room: else <c>not_joined</c>.</summary>
    internal static Decision? RequireInRoom(MeetingState state, Guid participantId, out MeetingParticipant me)
    {
        me = state.Find(participantId)!;
        return me is { IsInRoom: true } ? null : Decision.Reject(ErrorCodes.NotJoined);
    }

    /// <summary>The sender must be a moderator in the room: else <c>not_joined</c> or <c>insufficient_permissions</c>.</summary>
    internal static Decision? RequireModerator(MeetingState state, Guid participantId) =>
        state.Find(participantId) switch
        {
            null or { IsInRoom: false } => Decision.Reject(ErrorCodes.NotJoined),
            { IsModerator: false } => Decision.Reject(ErrorCodes.InsufficientPermissions),
            _ => null,
        };

    internal static bool AllInRoom(MeetingState state, IReadOnlyList<Guid> ids) => ids.All(id => state.Find(id) is { IsInRoom: true });

    /// <summary>Who wrote an event, and when.</summary>
    internal static DomainEvent Stamp(DomainEvent evt, string by, DateTimeOffset now) =>
        evt with { By = by, OccurredAt = now };
}
