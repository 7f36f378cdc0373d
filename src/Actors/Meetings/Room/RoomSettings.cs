namespace OpenTalk.Actors.Meetings;

public sealed record RoomSettings(Guid OwnerId, string? Password, bool WaitingRoom);

public sealed record InviteLink(string Code, Guid CreatedBy, DateTimeOffset? Expiration)
{
    public bool IsValidAt(DateTimeOffset now) => Expiration is null || Expiration > now;
}
