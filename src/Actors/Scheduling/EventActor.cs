using Akka.Actor;
using OpenTalk.Actors.Journal;

namespace OpenTalk.Actors.Scheduling;

/// <summary>One scheduled meeting, sharded by event id; its history is hash-chained like a room's.</summary>
public sealed class EventActor : ChainedEntityActor<EventState>
{
    private readonly TimeProvider _clock;

    public EventActor(string entityId, EngineSettings settings, TimeProvider clock)
        : base(PersistenceIds.Of(PersistenceIds.Event, entityId), EventState.Empty(Guid.Parse(entityId)), settings.SnapshotEvery)
    {
        _clock = clock;
        Command<GetEvent>(q =>
        {
            var visible = State.Exists || (q.IncludeCancelled && State.Details is not null);
            Sender.Tell(new EventReply(visible ? State : null, visible ? null : Protocol.Rest.ProblemCodes.NotFound));
        });
        Command<ScheduleEvent>(Handle);
        Command<ChangeEvent>(Handle);
        Command<CancelEvent>(Handle);
        Command<InviteToEvent>(Handle);
        Command<UninviteFromEvent>(Handle);
        Command<AnswerEventInvite>(Handle);
        Command<ChangeInstance>(Handle);
        Command<MarkFavorite>(Handle);
    }

    public static Props Props(string entityId, EngineSettings settings, TimeProvider clock) =>
        Akka.Actor.Props.Create<EventActor>(entityId, settings, clock);

    protected override EventState Evolve(EventState state, DomainEvent evt) => EventState.Evolve(state, evt);

    private void Handle(object command)
    {
        var decision = EventState.Decide(State, command, _clock.GetUtcNow());
        var replyTo = Sender;
        if (decision.IsRejected)
        {
            replyTo.Tell(new EventReply(null, decision.Error));
            return;
        }
        PersistChained(decision.Events, afterAll: () => replyTo.Tell(new EventReply(State, null)));
    }
}
