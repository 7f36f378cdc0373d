namespace OpenTalk.Media;

/// <summary>Cheap checks on session descriptions before and after Janus sees them.</summary>
public static class Sdp
{
    public const int MaxLength = 64 * 1024;

    /// <summary>Starts like an SDP and has at least one media section; anything else is refused before Janus.</summary>
    public static bool LooksValid(string sdp) =>
        sdp.Length is > 0 and <= MaxLength
        && sdp.StartsWith("v=0", StringComparison.Ordinal)
        && sdp.Contains("\nm=", StringComparison.Ordinal);

    /// <summary>Whether an answer accepts any media section (a rejected one has port 0: no codec in common).</summary>
    public static bool HasAcceptedMedia(string answer) =>
        answer.Split('\n').Any(line => line.StartsWith("m=", StringComparison.Ordinal)
            && line.Split(' ') is [_, var port, ..] && port != "0");
}
