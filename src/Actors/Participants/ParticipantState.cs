using System.Collections.Immutable;
using System.Text.Json.Serialization;
using OpenTalk.Actors.Journal;

namespace OpenTalk.Actors.Participants;

public sealed record PendingTicket(
    [property: JsonPropertyName("expires_at")] DateTimeOffset ExpiresAt,
    [property: JsonPropertyName("redeemed")] bool Redeemed);

/// <summary>One person's presence across connections: where, who, and the secrets that let them in.</summary>
public sealed record ParticipantState(
    [property: JsonPropertyName("participant_id")] Guid ParticipantId,
    [property: JsonPropertyName("room_id")] Guid? RoomId,
    [property: JsonPropertyName("identity")] ParticipantIdentity? Identity,
    [property: JsonPropertyName("tickets")] ImmutableDictionary<string, PendingTicket> Tickets,
    [property: JsonPropertyName("resumption_hash")] string? ResumptionHash,
    [property: JsonPropertyName("last_hash")] string LastHash) : IChainedState<ParticipantState>
{
    public static ParticipantState Empty(Guid id) =>
        new(id, null, null, ImmutableDictionary<string, PendingTicket>.Empty, null, HashChain.Genesis);

    public ParticipantState WithLastHash(string hash) => this with { LastHash = hash };

    public static ParticipantState Evolve(ParticipantState state, DomainEvent evt) => evt switch
    {
        ParticipantRegistered e => state with { RoomId = e.RoomId, Identity = e.Identity },
        // Tickets that expired before this one was issued can never be redeemed: forget them.
        TicketIssued e => state with
        {
            Tickets = state.Tickets.RemoveRange(state.Tickets.Where(t => t.Value.ExpiresAt < e.OccurredAt).Select(t => t.Key))
                .SetItem(e.TicketHash, new PendingTicket(e.ExpiresAt, false)),
        },
        TicketRedeemed e => state with
        {
            Tickets = state.Tickets.TryGetValue(e.TicketHash, out var t)
                ? state.Tickets.SetItem(e.TicketHash, t with { Redeemed = true })
                : state.Tickets,
        },
        ResumptionIssued e => state with { ResumptionHash = e.ResumptionHash },
        _ => throw new ArgumentException($"A participant cannot apply {evt.GetType().Name}.", nameof(evt)),
    };
}
