using OpenTalk.Protocol.Signaling;

namespace OpenTalk.Actors.Participants;

/// <summary>Who a participant is: a signed-in user, or a guest who came through an invite code.</summary>
public sealed record ParticipantIdentity(ParticipationKind Kind, Guid? UserId, string? InviteCode, bool IsAdmin = false)
{
    public static ParticipantIdentity ForUser(Guid userId, bool isAdmin = false) =>
        new(ParticipationKind.User, userId, null, isAdmin);

    public static ParticipantIdentity ForGuest(string inviteCode) =>
        new(ParticipationKind.Guest, null, inviteCode);

    public bool IsSamePerson(ParticipantIdentity other) =>
        Kind == other.Kind && UserId == other.UserId && InviteCode == other.InviteCode;
}
