using Akka.Actor;
using OpenTalk.Actors.Journal;
using OpenTalk.Actors.Timers;
using OpenTalk.Protocol.Signaling;

namespace OpenTalk.Actors.Meetings;

/// <summary>Clocks: the room's timer entity and the poll deadline.</summary>
public sealed partial class MeetingActor
{
    /// <summary>The room decided about its timer or poll: make the clocks agree.</summary>
    private void DriveClocks(DomainEvent evt, MeetingState before, MeetingState after)
    {
        switch (evt)
        {
            case RoomTimerStarted started:
                _timers.Tell(StartCommandFor(after.Timer!, started.By));
                break;
            case RoomTimerStopped { Kind: not TimerStoppedKind.Expired } stopped:
                _timers.Tell(new StopTimer(stopped.TimerId, stopped.By));
                break;
            case PollStarted:
                SchedulePollEnd(after.Poll!);
                break;
            case PollFinished finished:
                Timers.Cancel(PollTimerKey(finished.PollId));
                break;
            case AutomodStarted or SpeakerChanged or AutomodStopped or ParticipantLeft:
                ScheduleTurnEnd(after.Automod);
                break;
            case LegalVoteStarted:
                ScheduleVoteEnd(after.LegalVote);
                break;
            case LegalVoteStopped or LegalVoteCanceled:
                Timers.Cancel(VoteTimerKey);
                break;
            case BreakoutSessionStarted started:
                foreach (var room in started.Rooms)
                    _meetings.Tell(new OpenBreakoutRoom(room.Id, State.RoomId, State.Room!.OwnerId, room.Name));
                ScheduleBreakoutEnd(after.Breakout);
                break;
            case BreakoutSessionEnded ended:
                foreach (var room in before.Breakout?.Rooms ?? [])
                    _meetings.Tell(new CloseBreakoutRoom(room.Id, ended.Reason));
                Timers.Cancel(BreakoutTimerKey);
                break;
        }
    }

    /// <summary>A speaker with a time limit gets a turn timer; without a speaker there is none.</summary>
    private void ScheduleTurnEnd(Automod? automod)
    {
        if (automod is { Speaker: { } speaker, SpeakerSince: { } since, EndsAt: { } endsAt })
        {
            var left = endsAt - Now;
            Timers.StartSingleTimer(TurnTimerKey, new SpeakingTimeUp(speaker, since, Random.Shared.Next()),
                left > TimeSpan.Zero ? left : TimeSpan.Zero);
        }
        else
        {
            Timers.Cancel(TurnTimerKey);
        }
    }

    private const string TurnTimerKey = "automod-turn";
    private const string VoteTimerKey = "legal-vote";
    private const string BreakoutTimerKey = "breakout";

    private void ScheduleBreakoutEnd(BreakoutSession? session)
    {
        if (session is { Expires: { } expires })
        {
            var left = expires - Now;
            Timers.StartSingleTimer(BreakoutTimerKey, new ExpireBreakout(session.StartedAt), left > TimeSpan.Zero ? left : TimeSpan.Zero);
        }
    }

    private void ScheduleVoteEnd(LegalVote? vote)
    {
        if (vote is { EndsAt: { } endsAt })
        {
            var left = endsAt - Now;
            Timers.StartSingleTimer(VoteTimerKey, new ExpireLegalVote(vote.VoteId), left > TimeSpan.Zero ? left : TimeSpan.Zero);
        }
    }

    /// <summary>
    /// A clock of the room fired. When that changes nothing (it woke a moment early, or belongs to
    /// something already over), <paramref name="rearm"/> schedules whatever is running again.
    /// </summary>
    private void OnClock(object tick, Action rearm)
    {
        var decision = MeetingDecider.Decide(State, tick, Now);
        if (decision.Events.Count == 0)
            rearm();
        PersistChained(decision.Events, Publish);
    }

    /// <summary>Polls run on the room's own clock; after a restart the remaining time is scheduled again.</summary>
    private void SchedulePollEnd(RoomPoll? poll)
    {
        if (poll is null)
            return;
        var left = poll.EndsAt - Now;
        Timers.StartSingleTimer(PollTimerKey(poll.PollId), new ExpirePoll(poll.PollId), left > TimeSpan.Zero ? left : TimeSpan.Zero);
    }

    private static string PollTimerKey(Guid pollId) => $"poll-{pollId}";

    private StartTimer StartCommandFor(RoomTimer timer, string by) =>
        new(timer.TimerId, State.RoomId, timer.Kind == TimerKindWire.Countdown ? TimerKind.Countdown : TimerKind.Stopwatch,
            timer.Duration, timer.Title, by, timer.StartedAt);

    /// <summary>After recovery: the clock ended meanwhile, or never heard of the timer (start it now, same end time).</summary>
    private void ReconcileTimer(TimerView view)
    {
        if (State.Timer is not { } timer || timer.TimerId != view.TimerId)
            return;
        if (view.StoppedBecause == TimerStopReason.Expired)
            PersistChained(MeetingDecider.Decide(State, new RoomTimerExpired(State.RoomId, view.TimerId), Now).Events, Publish);
        else if (view.Kind is null)
            _timers.Tell(StartCommandFor(timer, Actor.System));
    }
}
