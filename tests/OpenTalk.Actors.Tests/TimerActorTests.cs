using Akka.Actor;
using Akka.TestKit.Xunit2;
using OpenTalk.Actors.Journal;
using OpenTalk.Actors.Timers;

namespace OpenTalk.Actors.Tests;

/// <summary>The timer entity on the in-memory journal, with the journal serializer bound.</summary>
public class TimerActorTests() : TestKit(Config)
{
    internal const string Config = """
        akka.actor.serializers.opentalk-journal = "OpenTalk.Actors.Journal.JournalSerializer, OpenTalk.Actors"
        akka.actor.serialization-bindings { "OpenTalk.Actors.Journal.DomainEvent, OpenTalk.Actors" = opentalk-journal }
        akka.actor.serialization-identifiers { "OpenTalk.Actors.Journal.JournalSerializer, OpenTalk.Actors" = 4711 }
        akka.persistence.journal.inmem.serialize-messages = on
        # A busy CI machine may take a few seconds for the first persist.
        akka.test.single-expect-default = 10s
        """;

    // The test actor stands in for the meeting region, so the expiry report can be checked too.
    private IActorRef StartTimerEntity(Guid id) => Sys.ActorOf(TimerActor.Props(id.ToString(), new EngineSettings(), TimeProvider.System, TestActor));

    [Fact]
    public void A_countdown_survives_a_restart_and_expires_once_at_the_stored_end()
    {
        var id = Guid.NewGuid();
        var room = Guid.NewGuid();
        var timer = StartTimerEntity(id);
        timer.Tell(new StartTimer(id, room, TimerKind.Countdown, TimeSpan.FromSeconds(2), "Coffee", "participant:p"));
        var started = ExpectMsg<TimerView>();
        Assert.True(started.Running);

        // The node goes away: the entity stops before its countdown ends, then comes back from the journal.
        Watch(timer);
        Sys.Stop(timer);
        ExpectTerminated(timer);
        var recovered = StartTimerEntity(id);
        recovered.Tell(new GetTimer(id));
        var view = ExpectMsg<TimerView>();
        Assert.True(view.Running);
        Assert.Equal(started.EndsAt, view.EndsAt);

        var expired = ExpectMsg<Meetings.RoomTimerExpired>(TimeSpan.FromSeconds(10));
        Assert.Equal((room, id), (expired.RoomId, expired.TimerId));
        recovered.Tell(new GetTimer(id));
        Assert.Equal(TimerStopReason.Expired, ExpectMsg<TimerView>().StoppedBecause);

        // Recovering again neither restarts nor expires it a second time.
        Watch(recovered);
        Sys.Stop(recovered);
        ExpectTerminated(recovered);
        var again = StartTimerEntity(id);
        again.Tell(new StopTimer(id, "participant:p"));
        Assert.Equal(TimerState.NotRunning, ExpectMsg<TimerView>().Error);
        ExpectNoMsg(TimeSpan.FromMilliseconds(500)); // no second expiry report
    }

    [Fact]
    public void A_stopped_timer_records_who_stopped_it()
    {
        var id = Guid.NewGuid();
        var timer = StartTimerEntity(id);
        timer.Tell(new StartTimer(id, Guid.NewGuid(), TimerKind.Stopwatch, null, null, "participant:p"));
        Assert.True(ExpectMsg<TimerView>().Running);
        timer.Tell(new StopTimer(id, "participant:q"));
        var stopped = ExpectMsg<TimerView>();
        Assert.False(stopped.Running);
        Assert.Equal(TimerStopReason.ByModerator, stopped.StoppedBecause);
    }

    [Fact]
    public void A_countdown_needs_a_positive_duration()
    {
        var id = Guid.NewGuid();
        StartTimerEntity(id).Tell(new StartTimer(id, Guid.NewGuid(), TimerKind.Countdown, TimeSpan.Zero, null, "participant:p"));
        Assert.Equal(TimerState.InvalidDuration, ExpectMsg<TimerView>().Error);
    }

    [Fact]
    public void The_timer_history_is_a_valid_hash_chain()
    {
        var evt1 = new TimerStarted(Guid.NewGuid(), Guid.NewGuid(), TimerKind.Stopwatch, null, null);
        var evt2 = new TimerStopped(evt1.TimerId, TimerStopReason.ByModerator) { PrevHash = HashChain.HashOf(evt1) };
        Assert.Null(HashChain.FirstBrokenLink([evt1, evt2]));
    }
}
