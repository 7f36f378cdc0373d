namespace OpenTalk.Protocol.Signaling;

public static class ControlActions
{
    public const string Join = "join";
    public const string EnterRoom = "enter_room";
    public const string RaiseHand = "raise_hand";
    public const string LowerHand = "lower_hand";
    public const string GrantModeratorRole = "grant_moderator_role";
    public const string RevokeModeratorRole = "revoke_moderator_role";
    public const string Leave = "leave";
}

public static class EchoActions
{
    public const string Ping = "ping";
}
