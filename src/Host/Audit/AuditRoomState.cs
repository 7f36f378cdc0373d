using OpenTalk.Actors.Journal;
using OpenTalk.Actors.Meetings;
using Wire = OpenTalk.Protocol.Signaling;

namespace OpenTalk.Host.Audit;

public sealed record AuditParticipant(
    Guid Id, string DisplayName, Wire.Role Role, Wire.ParticipationKind Kind, bool InRoom, bool HandIsUp, bool IsConnected, DateTimeOffset JoinedAt);

public sealed record AuditPoll(Guid PollId, string Topic, IReadOnlyList<string> Choices, IReadOnlyList<int> Tally, int Voters,
    DateTimeOffset StartedAt, DateTimeOffset EndsAt);

public sealed record AuditLegalVote(Guid VoteId, string Name, Wire.LegalVoteKind Kind, int Allowed, int Yes, int No, int Abstain,
    DateTimeOffset StartedAt, DateTimeOffset? EndsAt);

public sealed record AuditTimer(Guid TimerId, string Kind, string? Title, DateTimeOffset StartedAt, DateTimeOffset? EndsAt);

public sealed record AuditBreakout(IReadOnlyList<string> Rooms, DateTimeOffset StartedAt, DateTimeOffset? EndsAt);

/// <summary>
/// A room as it stood at one instant, rebuilt from its events up to then: who was in (and waiting) with their roles
/// and hands, the running poll, formal vote, timer and breakout rooms. <see cref="SequenceNr"/> is the last event
/// applied (0: none yet).
/// </summary>
public sealed record AuditRoomState(
    Guid RoomId, DateTimeOffset At, long SequenceNr, bool Exists, DateTimeOffset? SessionStartedAt,
    IReadOnlyList<AuditParticipant> Participants, AuditPoll? Poll, AuditLegalVote? LegalVote, AuditTimer? Timer,
    AuditBreakout? Breakout, bool Recording, int ChatMessages)
{
    /// <summary>
    /// Replays the readable events that happened at or before <paramref name="at"/>. Unreadable ones are skipped: the
    /// state is as near as the journal allows, and <c>verify</c> names what is wrong with it.
    /// </summary>
    public static AuditRoomState Replay(Guid roomId, IEnumerable<CheckedEvent> events, DateTimeOffset at)
    {
        var state = MeetingState.Empty(roomId);
        var last = 0L;
        foreach (var entry in events)
        {
            if (entry.Event is not { } evt || evt.OccurredAt > at)
                continue;
            state = MeetingEvolve.Apply(state, evt);
            last = entry.Stored.SequenceNr;
        }
        return Of(state, at, last);
    }

    private static AuditRoomState Of(MeetingState state, DateTimeOffset at, long sequenceNr) => new(
        state.RoomId, at, sequenceNr, state.Exists, state.Session?.StartedAt,
        [.. state.Participants.Values.Where(p => !p.IsHidden).OrderBy(p => p.JoinedAt).Select(p => new AuditParticipant(
            p.Id, p.DisplayName, p.Role.ToWire(), p.Identity.Kind.ToWire(), p.IsInRoom, p.HandIsUp, p.IsConnected, p.JoinedAt))],
        state.Poll is { } poll
            ? new AuditPoll(poll.PollId, poll.Topic, [.. poll.Choices], poll.Tally(), poll.Votes.Count, poll.StartedAt, poll.EndsAt)
            : null,
        state.LegalVote is { } vote
            ? new AuditLegalVote(vote.VoteId, vote.Name, vote.Kind.ToWire(), vote.Allowed.Count, vote.Tally().Yes, vote.Tally().No,
                vote.Tally().Abstain, vote.StartedAt, vote.EndsAt)
            : null,
        state.Timer is { } timer
            ? new AuditTimer(timer.TimerId, timer.Kind == RoomTimerKind.Countdown ? "countdown" : "stopwatch", timer.Title, timer.StartedAt,
                timer.Duration is { } duration ? timer.StartedAt + duration : null)
            : null,
        state.Breakout is { } breakout
            ? new AuditBreakout([.. breakout.Rooms.Select(r => r.Name)], breakout.StartedAt,
                breakout.Duration is { } length ? breakout.StartedAt + length : null)
            : null,
        state.Recording is { } recording && recording.Streams.Values.Any(s => s.Phase is StreamPhase.Starting or StreamPhase.Active or StreamPhase.Paused),
        state.Chat.Messages.Count);
}
