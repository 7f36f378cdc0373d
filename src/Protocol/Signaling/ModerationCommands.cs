namespace OpenTalk.Protocol.Signaling;

public enum KickScope { Guests, UsersAndGuests, All }

public static class ModerationCommandNames
{
    public const string Kick = "kick";
    public const string Ban = "ban";
    public const string SendToWaitingRoom = "send_to_waiting_room";
    public const string Debrief = "debrief";
    public const string ChangeDisplayName = "change_display_name";
    public const string EnableWaitingRoom = "enable_waiting_room";
    public const string DisableWaitingRoom = "disable_waiting_room";
    public const string EnableRaiseHands = "enable_raise_hands";
    public const string DisableRaiseHands = "disable_raise_hands";
    public const string ResetRaisedHands = "reset_raised_hands";
    public const string Mute = "mute";
    public const string AcceptAll = "accept_all";
}
