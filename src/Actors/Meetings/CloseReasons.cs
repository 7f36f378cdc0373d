namespace OpenTalk.Actors.Meetings;

/// <summary>Named reasons a signaling socket is closed with; logged, sent and recorded.</summary>
public static class CloseReasons
{
    public const string Left = "left";
    public const string ReplacedByNewConnection = "replaced_by_new_connection";
    public const string NotPresent = "not_present";
    public const string ServerShuttingDown = "server_shutting_down";
    public const string Kicked = "kicked";
    public const string Banned = "banned";
    public const string TimedOut = "timeout";
    public const string BreakoutEnded = "breakout_ended";

    public static string For(LeaveReason reason) => reason switch
    {
        LeaveReason.Kicked => Kicked,
        LeaveReason.Banned => Banned,
        LeaveReason.Timeout => TimedOut,
        _ => Left,
    };
}
