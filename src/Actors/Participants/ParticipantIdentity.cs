using System.Text.Json.Serialization;
using OpenTalk.Actors.Meetings;

namespace OpenTalk.Actors.Participants;

/// <summary>Who a participant is: a signed-in user, or a guest who came through an invite code.</summary>
public sealed record ParticipantIdentity(
    [property: JsonPropertyName("kind")] ParticipantKind Kind,
    [property: JsonPropertyName("user_id")] Guid? UserId,
    [property: JsonPropertyName("invite_code")] string? InviteCode,
    [property: JsonPropertyName("is_admin")] bool IsAdmin = false)
{
    /// <summary>The user's groups from the sign-in token (<c>groups</c> claim): chat group scopes.</summary>
    [JsonPropertyName("groups")]
    public IReadOnlyList<string> Groups { get; init; } = [];

    public static ParticipantIdentity ForUser(Guid userId, bool isAdmin = false, IEnumerable<string>? groups = null) =>
        new(ParticipantKind.User, userId, null, isAdmin) { Groups = [.. (groups ?? []).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)] };

    public static ParticipantIdentity ForGuest(string inviteCode) =>
        new(ParticipantKind.Guest, null, inviteCode);

    /// <summary>A recorder service; which account it signed in with is in the journal of its ticket, not needed here.</summary>
    public static ParticipantIdentity ForRecorder() => new(ParticipantKind.Recorder, null, null);

    /// <summary>A phone caller brought in by the gateway: known by the conference id and PIN they keyed in, no more.</summary>
    public static ParticipantIdentity ForCaller() => new(ParticipantKind.Sip, null, null);

    /// <summary>A phone a moderator called (<see cref="CallId"/>), brought in by the gateway once it answered.</summary>
    public static ParticipantIdentity ForCallee(Guid callId) => new(ParticipantKind.Sip, null, null) { CallId = callId };

    /// <summary>For a phone the room called: which call it answered.</summary>
    [JsonPropertyName("call_id")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public Guid? CallId { get; init; }

    public bool IsSamePerson(ParticipantIdentity other) =>
        Kind == other.Kind && UserId == other.UserId && InviteCode == other.InviteCode;

    public bool IsInGroup(string group) => Groups.Contains(group, StringComparer.Ordinal);

    public bool Equals(ParticipantIdentity? other) =>
        other is not null && IsSamePerson(other) && IsAdmin == other.IsAdmin && Groups.SequenceEqual(other.Groups, StringComparer.Ordinal);

    public override int GetHashCode() => HashCode.Combine(Kind, UserId, InviteCode, IsAdmin, Groups.Count);
}
