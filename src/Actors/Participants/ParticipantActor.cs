using Akka.Actor;
using OpenTalk.Actors.Journal;

namespace OpenTalk.Actors.Participants;

/// <summary>
/// One participant, sharded by participant id: holds the hashes of its tickets and resumption
/// token, so any node can redeem a ticket exactly once, even across restarts.
/// </summary>
public sealed class ParticipantActor : ChainedEntityActor<ParticipantState>
{
    private readonly EngineSettings _settings;
    private readonly TimeProvider _clock;

    public ParticipantActor(string entityId, EngineSettings settings, TimeProvider clock)
        : base($"participant-{entityId}", ParticipantState.Empty(Guid.Parse(entityId)), snapshotEvery: 0)
    {
        _settings = settings;
        _clock = clock;
        Command<IssueTicket>(Handle);
        Command<RedeemTicket>(Handle);
        Command<CheckResumption>(Handle);
    }

    /// <summary>
    /// A participant writes a handful of events in its life (a few per connection), so it never
    /// snapshots, and recovery skips the snapshot query: one database round trip less per join.
    /// </summary>
    public override Akka.Persistence.Recovery Recovery => new(Akka.Persistence.SnapshotSelectionCriteria.None);

    public static Props Props(string entityId, EngineSettings settings, TimeProvider clock) =>
        Akka.Actor.Props.Create<ParticipantActor>(entityId, settings, clock);

    protected override ParticipantState Evolve(ParticipantState state, DomainEvent evt) =>
        ParticipantState.Evolve(state, evt);

    private void Handle(object command)
    {
        var decision = ParticipantDecider.Decide(State, command, _clock.GetUtcNow(), _settings.TicketLifetime);
        var replyTo = Sender;
        if (decision.IsRejected)
        {
            replyTo.Tell(new ParticipantReply(State.ParticipantId, null, null, decision.Error));
            return;
        }
        PersistChained(decision.Events, afterAll: () =>
            replyTo.Tell(new ParticipantReply(State.ParticipantId, State.RoomId, State.Identity, null)));
    }
}
