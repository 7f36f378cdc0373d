using OpenTalk.Actors.Journal;
using OpenTalk.Actors.Meetings;
using OpenTalk.Protocol.Rest;

namespace OpenTalk.Actors.Participants;

/// <summary>Decides ticket and resumption commands for one participant. Pure.</summary>
public static class ParticipantDecider
{
    public static Decision Decide(ParticipantState state, object command, DateTimeOffset now, TimeSpan ticketLifetime) =>
        command switch
        {
            IssueTicket c when state.RoomId is { } room && (room != c.RoomId || !state.Identity!.IsSamePerson(c.Identity))
                => Decision.Reject(ProblemCodes.InvalidResumption),
            IssueTicket c => Decision.Accept(
                [
                    .. state.RoomId is null ? [Stamp(new ParticipantRegistered(c.ParticipantId, c.RoomId, c.Identity), c.Identity, now)] : Array.Empty<DomainEvent>(),
                    Stamp(new TicketIssued(c.TicketHash, now + ticketLifetime), c.Identity, now),
                    Stamp(new ResumptionIssued(c.ResumptionHash), c.Identity, now),
                ]),
            RedeemTicket c => state.Tickets.TryGetValue(c.TicketHash, out var ticket) && !ticket.Redeemed && ticket.ExpiresAt > now
                ? Decision.Accept(new TicketRedeemed(c.TicketHash) { OccurredAt = now, By = Actor.Participant(c.ParticipantId) })
                : Decision.Reject(ProblemCodes.InvalidTicket),
            CheckResumption c => state.ResumptionHash is not null
                && string.Equals(state.ResumptionHash, c.ResumptionHash, StringComparison.Ordinal)
                && state.RoomId == c.RoomId
                && state.Identity!.IsSamePerson(c.Identity)
                    ? Decision.Nothing
                    : Decision.Reject(ProblemCodes.InvalidResumption),
            _ => throw new ArgumentException($"A participant cannot decide {command.GetType().Name}.", nameof(command)),
        };

    private static DomainEvent Stamp(DomainEvent evt, ParticipantIdentity who, DateTimeOffset now) =>
        evt with { OccurredAt = now, By = who.UserId is { } user ? Actor.User(user) : $"guest:{who.InviteCode}" };
}
