using System.Security.Cryptography;
using System.Text.Json;
using OpenTalk.Actors.Meetings;
using OpenTalk.Protocol.Signaling;

namespace OpenTalk.Host.Signaling;

/// <summary>The <c>legal_vote</c> namespace (formal votes).</summary>
public static partial class ClientMessageParser
{
    private static ParsedMessage ParseLegalVote(string action, JsonElement payload)
    {
        const string ns = Namespaces.LegalVote;
        var invalid = new ParsedMessage.Invalid(ns, ErrorCodes.InvalidPayload);
        switch (action)
        {
            case LegalVoteActions.Start:
            {
                VoteKind? kind = StringField(payload, "kind") switch
                {
                    null or "roll_call" => VoteKind.RollCall,
                    "pseudonymous" => VoteKind.Pseudonymous,
                    _ => null,
                };
                if (StringField(payload, "name") is not { } name || kind is not { } k
                    || GuidList(payload, "allowed_participants") is not { } allowed)
                    return invalid;
                if (!TrySeconds(payload, "duration", out var duration))
                    return invalid;
                var abstain = Flag(payload, "enable_abstain");
                var autoClose = Flag(payload, "auto_close");
                var voteId = Guid.NewGuid();
                // One secret ballot token per voter, drawn here so the decider stays pure.
                var tokens = allowed.Distinct().ToDictionary(id => id, _ => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)));
                return new ParsedMessage.ForMeeting(ns, action,
                    (room, me) => new StartLegalVote(room, me, voteId, name, k, allowed, abstain, autoClose, duration, tokens));
            }
            case LegalVoteActions.Vote:
            {
                VoteChoice? option = StringField(payload, "option") switch
                {
                    "yes" => VoteChoice.Yes,
                    "no" => VoteChoice.No,
                    "abstain" => VoteChoice.Abstain,
                    _ => null,
                };
                var token = StringField(payload, "token");
                return GuidField(payload, "legal_vote_id") is { } id && option is { } o
                    ? new ParsedMessage.ForMeeting(ns, action, (room, me) => new CastLegalVote(room, me, id, o, token))
                    : invalid;
            }
            case LegalVoteActions.Stop:
                return GuidField(payload, "legal_vote_id") is { } stopId
                    ? new ParsedMessage.ForMeeting(ns, action, (room, me) => new StopLegalVote(room, me, stopId))
                    : invalid;
            case LegalVoteActions.Cancel:
            {
                var reason = StringField(payload, "reason") ?? "";
                return GuidField(payload, "legal_vote_id") is { } cancelId
                    ? new ParsedMessage.ForMeeting(ns, action, (room, me) => new CancelLegalVote(room, me, cancelId, reason))
                    : invalid;
            }
            default:
                return new ParsedMessage.Invalid(ns, ErrorCodes.UnknownAction);
        }
    }
}
