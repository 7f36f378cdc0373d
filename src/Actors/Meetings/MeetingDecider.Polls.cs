using OpenTalk.Actors.Journal;
using OpenTalk.Protocol.Signaling;

namespace OpenTalk.Actors.Meetings;

/// <summary>Polls: moderators start and finish; everyone in the room votes once (or changes it, if allowed).</summary>
public static partial class MeetingDecider
{
    private static Decision? DecidePoll(MeetingState state, IParticipantCommand command, DateTimeOffset now)
    {
        if (command is not (StartPoll or VoteInPoll or FinishPoll))
            return null;
        if (state.Find(command.ParticipantId) is not { IsInRoom: true } me)
            return Decision.Reject(ErrorCodes.NotJoined);
        var by = Actor.Participant(me.Id);
        return command switch
        {
            StartPoll when !me.IsModerator => Decision.Reject(ErrorCodes.InsufficientPermissions),
            StartPoll when state.Poll is not null => Decision.Reject(ErrorCodes.PollAlreadyRunning),
            StartPoll c when !IsValidPoll(c) => Decision.Reject(ErrorCodes.InvalidPoll),
            StartPoll c => Decision.Accept(Stamp(new PollStarted(c.PollId, c.Topic.Trim(), c.Live, c.MultipleChoice,
                [.. c.Choices.Select(x => x.Trim())], c.Duration, c.AllowEditing), by, now)),
            VoteInPoll c when state.Poll?.PollId != c.PollId => Decision.Reject(ErrorCodes.NoPollRunning),
            VoteInPoll c => DecideVote(state.Poll!, me, c, by, now),
            FinishPoll when !me.IsModerator => Decision.Reject(ErrorCodes.InsufficientPermissions),
            FinishPoll c when state.Poll?.PollId != c.PollId => Decision.Reject(ErrorCodes.NoPollRunning),
            FinishPoll => Decision.Accept(Stamp(new PollFinished(state.Poll!.PollId, state.Poll.Tally(), PollFinished.ByModerator), by, now)),
            _ => null,
        };
    }

    public static Decision DecidePollExpiry(MeetingState state, ExpirePoll c, DateTimeOffset now) =>
        state.Poll is { } poll && poll.PollId == c.PollId && poll.EndsAt <= now
            ? Decision.Accept(Stamp(new PollFinished(poll.PollId, poll.Tally(), PollFinished.Expired), Actor.System, now))
            : Decision.Nothing;

    private static bool IsValidPoll(StartPoll c) =>
        c.Topic.Trim().Length is > 0 and <= RoomPoll.MaxTextLength
        && c.Choices.Count is >= 2 and <= RoomPoll.MaxChoices
        && c.Choices.All(x => x.Trim().Length is > 0 and <= RoomPoll.MaxTextLength)
        && c.Duration > TimeSpan.Zero && c.Duration <= RoomPoll.MaxDuration;

    private static Decision DecideVote(RoomPoll poll, MeetingParticipant me, VoteInPoll c, string by, DateTimeOffset now)
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
        return Decision.Accept(Stamp(new PollVoteCast(poll.PollId, voter, choices), by, now));
    }
}
