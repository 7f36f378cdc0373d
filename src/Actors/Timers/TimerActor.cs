using Akka.Actor;
using OpenTalk.Actors.Journal;
using OpenTalk.Actors.Sharding;

namespace OpenTalk.Actors.Timers;

/// <summary>
/// A countdown or stopwatch as its own sharded entity. After a restart it schedules the expiry from
/// the stored end time, so the remaining time is right and <see cref="TimerStopped"/> with
/// <see cref="TimerStopReason.Expired"/> is written exactly once.
/// </summary>
public sealed class TimerActor : ChainedEntityActor<TimerState>, IWithTimers
{
    private const string ExpiryKey = "expiry";
    private readonly TimeProvider _clock;
    private readonly IActorRef _meetings;

    public TimerActor(string entityId, EngineSettings settings, TimeProvider clock, IActorRef meetings)
        : base($"timer-{entityId}", TimerState.Empty(Guid.Parse(entityId)), settings.SnapshotEvery)
    {
        _clock = clock;
        _meetings = meetings;
        Command<StartTimer>(Handle);
        Command<StopTimer>(Handle);
        Command<GetTimer>(_ =>
        {
            Sender.Tell(State.View());
            PassivateWhenDone();
        });
        Command<Expire>(_ => ExpireIfDue());
        Command<StopWhenIdle>(_ => Context.Stop(Self));
        Command<HandOffStop>(_ => Context.Stop(Self));
    }

    public ITimerScheduler Timers { get; set; } = null!;

    /// <param name="meetings">Where the end of a countdown is reported (the meeting shard region).</param>
    public static Props Props(string entityId, EngineSettings settings, TimeProvider clock, IActorRef meetings) =>
        Akka.Actor.Props.Create<TimerActor>(entityId, settings, clock, meetings);

    protected override TimerState Evolve(TimerState state, DomainEvent evt) => TimerState.Evolve(state, evt);

    protected override void OnRecovered() => ScheduleExpiry();

    private void Handle(object command)
    {
        var decision = TimerState.Decide(State, command, _clock.GetUtcNow());
        var replyTo = Sender;
        if (decision.IsRejected)
        {
            replyTo.Tell(State.View() with { Error = decision.Error });
            return;
        }
        PersistChained(decision.Events, afterAll: () =>
        {
            ScheduleExpiry();
            replyTo.Tell(State.View());
            PassivateWhenDone();
        });
    }

    private void ScheduleExpiry()
    {
        if (State.IsRunning && State.EndsAt is { } endsAt)
        {
            var left = endsAt - _clock.GetUtcNow();
            Timers.StartSingleTimer(ExpiryKey, Expire.Instance, left > TimeSpan.Zero ? left : TimeSpan.Zero);
        }
        else
        {
            Timers.Cancel(ExpiryKey);
        }
    }

    private void ExpireIfDue()
    {
        if (!State.IsRunning || State.EndsAt is not { } endsAt)
            return;
        var now = _clock.GetUtcNow();
        if (endsAt > now)
        {
            ScheduleExpiry(); // woke early (clock skew between scheduler and time provider)
            return;
        }
        PersistChained([new TimerStopped(State.TimerId, TimerStopReason.Expired) { OccurredAt = now }],
            afterAll: () =>
            {
                _meetings.Tell(new Meetings.RoomTimerExpired(State.Started!.RoomId, State.TimerId));
                PassivateWhenDone();
            });
    }

    /// <summary>
    /// A finished timer only answers questions: it need not stay in memory. It stops with an ordinary command, which
    /// waits behind a write in progress and the commands held back during it (a PoisonPill would drop those).
    /// </summary>
    private void PassivateWhenDone()
    {
        if (State.Started is not null && !State.IsRunning)
            Context.Parent.Tell(new Akka.Cluster.Sharding.Passivate(StopWhenIdle.Instance));
    }

    private sealed class StopWhenIdle
    {
        public static readonly StopWhenIdle Instance = new();
    }

    private sealed class Expire
    {
        public static readonly Expire Instance = new();
    }
}
