using System.Security.Cryptography;
using OpenTalk.Actors.Meetings;
using OpenTalk.Protocol.Signaling;
using In = OpenTalk.Protocol.Signaling.Inbound;

namespace OpenTalk.Host.Signaling;

/// <summary>The <c>legal_vote</c> namespace (formal votes).</summary>
public static partial class ClientMessageParser
{
    private static ParsedMessage LegalVote(string action, In.ILegalVoteMessage message, Sender s)
    {
        const string ns = Namespaces.LegalVote;
        ParsedMessage For(IParticipantCommand command) => new ParsedMessage.ForMeeting(ns, action, command);
        switch (message)
        {
            case In.StartLegalVote { Name: { } name } start when TrySeconds(start.Duration, out var duration):
            {
                List<Guid> allowed = [.. start.AllowedParticipants ?? []];
                // One secret ballot token per voter, drawn here so the decider stays pure.
                var tokens = allowed.Distinct().ToDictionary(id => id, _ => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)));
                return For(new StartLegalVote(s.Room, s.Me, Guid.NewGuid(), name, (start.Kind ?? LegalVoteKind.RollCall).ToMeeting(),
                    allowed, start.EnableAbstain, start.AutoClose, duration, tokens));
            }
            case In.CastLegalVote { LegalVoteId: { } vote, Option: { } option } cast:
                return For(new CastLegalVote(s.Room, s.Me, vote, option.ToMeeting(), cast.Token));
            case In.StopLegalVote { LegalVoteId: { } vote }:
                return For(new StopLegalVote(s.Room, s.Me, vote));
            case In.CancelLegalVote { LegalVoteId: { } vote } cancel:
                return For(new CancelLegalVote(s.Room, s.Me, vote, cancel.Reason ?? ""));
            default:
                return InvalidPayload(ns);
        }
    }
}
