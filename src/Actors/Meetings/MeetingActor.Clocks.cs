using Akka.Actor;
using OpenTalk.Actors.Journal;
using OpenTalk.Actors.Timers;

namespace OpenTalk.Actors.Meetings;

/// <summary>Effects: the room's own clocks and the messages its modules send to other entities.</summary>
public sealed partial class MeetingActor
{
    private void Run(IEnumerable<MeetingEffect> effects)
    {
        foreach (var effect in effects)
        {
            switch (effect)
            {
                case StartClock clock:
                    var left = clock.At - Now;
                    Timers.StartSingleTimer(clock.Key, clock.Tick, left > TimeSpan.Zero ? left : TimeSpan.Zero);
                    _clocks.Add(clock.Key);
                    break;
                case StopClock clock:
                    Timers.Cancel(clock.Key);
                    _clocks.Remove(clock.Key);
                    break;
                case SendToMeeting send:
                    _meetings.Tell(send.Command);
                    break;
                case SendToTimers send:
                    _timers.Tell(send.Command);
                    break;
                case SendToDocument send:
                    // Stamped with the journal's position, so the document tells an older word from a newer one.
                    Akka.Hosting.ActorRegistry.For(Context.System).Get<Sharding.DocumentRegion>()
                        .Tell(send.Message is Collab.DocumentAccessChanged access ? access with { Version = LastSequenceNr } : send.Message);
                    break;
                case RequestExport export:
                    // The node's exporter (in the Host) renders and stores the PDF, then adds it to the room (AddExport).
                    Context.System.EventStream.Publish(export.Export);
                    break;
                case RequestReport report:
                    // The node's report writer (in the Host) renders and stores the PDF, then adds it to the room (AddReport).
                    Context.System.EventStream.Publish(report.Report);
                    break;
                case RequestService request:
                    // The node's service dispatch listens on its event stream (RabbitMQ, or the service in the node).
                    Context.System.EventStream.Publish(request.Job);
                    break;
                default:
                    throw new ArgumentException($"A meeting cannot carry out {effect.GetType().Name}.", nameof(effects));
            }
        }
    }

    /// <summary>
    /// A clock of the room fired. When that changes nothing (it woke a moment early, or belongs to
    /// something already over), the clocks are set again from the state.
    /// </summary>
    private void OnClock(object tick)
    {
        var decision = MeetingDecider.Decide(State, tick, Now);
        if (decision.Events.Count == 0)
            Run(MeetingModules.All.Resume(State));
        PersistChained(decision.Events, Publish, PassivateWhenEmpty);
    }

    /// <summary>After recovery: the clock ended meanwhile, or never heard of the timer (start it now, same end time).</summary>
    private void ReconcileTimer(TimerView view)
    {
        if (State.Timer is not { } timer || timer.TimerId != view.TimerId)
            return;
        if (view.StoppedBecause == TimerStopReason.Expired)
            PersistChained(MeetingDecider.Decide(State, new RoomTimerExpired(State.RoomId, view.TimerId), Now).Events, Publish);
        else if (view.Kind is null)
            _timers.Tell(RoomTimerModule.StartCommandFor(State.RoomId, timer, Actor.System));
    }
}
