using System.Collections.Immutable;
using OpenTalk.Actors.Journal;
using OpenTalk.Protocol.Signaling;

namespace OpenTalk.Actors.Meetings;

/// <summary>
/// Polls: moderators start and finish a poll; everyone in the room votes once (or changes the vote, if allowed).
/// A poll ends on the room's own clock (<see cref="ExpirePoll"/>).
/// </summary>
public sealed class PollModule : IMeetingModule
{
    public IReadOnlyList<(Type Type, string Manifest)> Events { get; } =
    [
        (typeof(PollStarted), "meeting.poll_started.v1"),
        (typeof(PollVoteCast), "meeting.poll_vote_cast.v1"),
        (typeof(PollFinished), "meeting.poll_finished.v1"),
    ];

    public Decision? Decide(MeetingState state, object command, DateTimeOffset now) => command switch
    {
        ExpirePoll c => Expired(state, c, now),
        IParticipantCommand c and (StartPoll or VoteInPoll or FinishPoll) => FromParticipant(state, c, now),
        _ => null,
    };

    private static Decision FromParticipant(MeetingState state, IParticipantCommand command, DateTimeOffset now)
    {
        if (MeetingDecider.RequireInRoom(state, command.ParticipantId, out var me) is { } refused)
            return refused;
        var by = Actor.Participant(me.Id);
        return command switch
        {
            StartPoll when !me.IsModerator => Decision.Reject(ErrorCodes.InsufficientPermissions),
            StartPoll when state.Poll is not null => Decision.Reject(ErrorCodes.PollAlreadyRunning),
            StartPoll c when !IsValid(c) => Decision.Reject(ErrorCodes.InvalidPoll),
            StartPoll c => Decision.Accept(MeetingDecider.Stamp(new PollStarted(c.PollId, c.Topic.Trim(), c.Live, c.MultipleChoice,
                [.. c.Choices.Select(x => x.Trim())], c.Duration, c.AllowEditing), by, now)),
            VoteInPoll c when state.Poll?.PollId != c.PollId => Decision.Reject(ErrorCodes.NoPollRunning),
            VoteInPoll c => Vote(state.Poll!, me, c, by, now),
            FinishPoll when !me.IsModerator => Decision.Reject(ErrorCodes.InsufficientPermissions),
            FinishPoll c when state.Poll?.PollId != c.PollId => Decision.Reject(ErrorCodes.NoPollRunning),
            FinishPoll => Decision.Accept(MeetingDecider.Stamp(new PollFinished(state.Poll!.PollId, state.Poll.Tally(), PollFinished.ByModerator), by, now)),
            _ => throw new ArgumentOutOfRangeException(nameof(command)),
        };
    }

    private static Decision Expired(MeetingState state, ExpirePoll c, DateTimeOffset now) =>
        state.Poll is { } poll && poll.PollId == c.PollId && poll.EndsAt <= now
            ? Decision.Accept(MeetingDecider.Stamp(new PollFinished(poll.PollId, poll.Tally(), PollFinished.Expired), Actor.System, now))
            : Decision.Nothing;

    private static bool IsValid(StartPoll c) =>
        c.Topic.Trim().Length is > 0 and <= RoomPoll.MaxTextLength
        && c.Choices.Count is >= 2 and <= RoomPoll.MaxChoices
        && c.Choices.All(x => x.Trim().Length is > 0 and <= RoomPoll.MaxTextLength)
        && c.Duration > TimeSpan.Zero && c.Duration <= RoomPoll.MaxDuration;

    private static Decision Vote(RoomPoll poll, MeetingParticipant me, VoteInPoll c, string by, DateTimeOffset now)
    {
        var choices = c.Choices.Distinct().Order().ToList();
        if (choices.Count == 0 || choices.Any(i => i < 0 || i >= poll.Choices.Length) || (!poll.MultipleChoice && choices.Count > 1))
            return Decision.Reject(ErrorCodes.InvalidChoice);
        var voter = RoomPoll.VoterOf(me);
        if (poll.Votes.TryGetValue(voter, out var earlier))
        {
            if (!poll.AllowEditing)
                return Decision.Reject(ErrorCodes.AlreadyVoted);
            if (earlier.SequenceEqual(choices))
                return Decision.Nothing;
        }
        return Decision.Accept(MeetingDecider.Stamp(new PollVoteCast(poll.PollId, voter, choices), by, now));
    }

    public MeetingState? Apply(MeetingState state, DomainEvent evt) => evt switch
    {
        PollStarted e => state with
        {
            Poll = new RoomPoll(e.PollId, e.Topic, e.Live, e.MultipleChoice, [.. e.Choices], e.OccurredAt, e.Duration, e.AllowEditing,
                ImmutableDictionary<string, ImmutableArray<int>>.Empty),
        },
        PollVoteCast e => state.Poll?.PollId == e.PollId
            ? state with { Poll = state.Poll with { Votes = state.Poll.Votes.SetItem(e.Voter, [.. e.Choices]) } }
            : state,
        PollFinished e => state.Poll?.PollId == e.PollId ? state with { Poll = null } : state,
        _ => null,
    };

    public ModuleJoinState? JoinState(JoinContext join) => join.State.Poll is { } poll
        ? new(Namespaces.Polls, new PollModuleState(poll.PollId, poll.Topic, poll.Live, poll.MultipleChoice, poll.ChoiceList(), poll.StartedAt,
            poll.Duration.TotalSeconds, poll.AllowEditing, poll.EndsAt, poll.Votes.GetValueOrDefault(RoomPoll.VoterOf(join.Me), []),
            poll.Live ? poll.Results() : null))
        : null;

    public IEnumerable<Notification>? Notify(DomainEvent evt, MeetingState before, MeetingState after) => evt switch
    {
        PollStarted => MeetingNotifications.ToRoom(after, Namespaces.Polls, after.Poll!.Started()),
        PollVoteCast e => after.Poll is { Live: true } poll ? MeetingNotifications.ToRoom(after, Namespaces.Polls, new PollLiveUpdate(e.PollId, poll.Results())) : [],
        PollFinished e => MeetingNotifications.ToRoom(after, Namespaces.Polls,
            new PollDone(e.PollId, [.. e.Tally.Select((count, i) => new PollResult(i, count))], e.Reason)),
        _ => null,
    };

    public IEnumerable<MeetingEffect> Effects(DomainEvent evt, MeetingState before, MeetingState after) => evt switch
    {
        PollStarted => Resume(after),
        PollFinished finished => [new StopClock(ClockOf(finished.PollId))],
        _ => [],
    };

    public IEnumerable<MeetingEffect> Resume(MeetingState state) =>
        state.Poll is { } poll ? [new StartClock(ClockOf(poll.PollId), new ExpirePoll(poll.PollId), poll.EndsAt)] : [];

    private static string ClockOf(Guid pollId) => $"poll-{pollId}";
}
