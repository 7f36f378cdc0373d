using System.Text.Json;
using OpenTalk.Actors.Meetings;
using OpenTalk.Protocol.Signaling;

namespace OpenTalk.Host.Signaling;

/// <summary>The <c>chat</c> namespace.</summary>
public static partial class ClientMessageParser
{
    private static ParsedMessage ParseChat(string action, JsonElement payload)
    {
        const string ns = Namespaces.Chat;
        var invalid = new ParsedMessage.Invalid(ns, ErrorCodes.InvalidPayload);
        ParsedMessage Simple(Func<Guid, Guid, IParticipantCommand> build) => new ParsedMessage.ForMeeting(ns, action, build);
        switch (action)
        {
            case ChatActions.SendMessage:
            {
                if (StringField(payload, "content") is not { } content || ChatScopeOf(payload) is not { } scope)
                    return invalid;
                Guid? target = null;
                string? group = null;
                if (scope == MessageScope.Private)
                {
                    if (!Guid.TryParse(StringField(payload, "target"), out var id))
                        return invalid;
                    target = id;
                }
                else if (scope == MessageScope.Group && (group = StringField(payload, "target") ?? StringField(payload, "group")) is null)
                {
                    return invalid;
                }
                var messageId = Guid.NewGuid();
                return Simple((room, me) => new SendChatMessage(room, me, messageId, content, scope, target, group));
            }
            case ChatActions.EnableChat:
                return Simple((room, me) => new SetChat(room, me, true));
            case ChatActions.DisableChat:
                return Simple((room, me) => new SetChat(room, me, false));
            case ChatActions.ClearHistory:
                return Simple((room, me) => new ClearChatHistory(room, me));
            case ChatActions.SetLastSeenTimestamp:
            {
                if (!DateTimeOffset.TryParse(StringField(payload, "timestamp"), System.Globalization.CultureInfo.InvariantCulture,
                        System.Globalization.DateTimeStyles.RoundtripKind, out var at) || ChatScopeOf(payload) is not { } scope)
                    return invalid;
                var target = Guid.TryParse(StringField(payload, "target"), out var id) ? id : (Guid?)null;
                var group = scope == MessageScope.Group ? StringField(payload, "target") ?? StringField(payload, "group") : null;
                return Simple((room, me) => new SetChatLastSeen(room, me, scope, target, group, at));
            }
            case ChatActions.GetHistoryChunk:
            {
                Guid? before = null;
                if (payload.TryGetProperty("before", out var b) && b.ValueKind != JsonValueKind.Null)
                {
                    if (b.ValueKind != JsonValueKind.String || !b.TryGetGuid(out var id))
                        return invalid;
                    before = id;
                }
                var count = 50;
                if (payload.TryGetProperty("count", out var c) && (c.ValueKind != JsonValueKind.Number || !c.TryGetInt32(out count)))
                    return invalid;
                return Simple((room, me) => new GetChatHistoryChunk(room, me, before, count));
            }
            case ChatActions.SearchHistory:
                return StringField(payload, "query") is { Length: > 0 } query
                    ? Simple((room, me) => new SearchChatHistory(room, me, query))
                    : invalid;
            default:
                return new ParsedMessage.Invalid(ns, ErrorCodes.UnknownAction);
        }
    }

    private static MessageScope? ChatScopeOf(JsonElement payload) =>
        !payload.TryGetProperty("scope", out var scope) || scope.ValueKind == JsonValueKind.Null ? MessageScope.Global
        : scope.ValueKind != JsonValueKind.String ? null
        : scope.GetString() switch
        {
            "global" => MessageScope.Global,
            "group" => MessageScope.Group,
            "private" => MessageScope.Private,
            _ => null,
        };
}
