namespace OpenTalk.Media;

/// <summary>Cheap checks on session descriptions before and after Janus sees them.</summary>
public static class Sdp
{
    public const int MaxLength = 64 * 1024;

    /// <summary>The codecs OpenTalk's VideoRoom rooms take (see JanusInstanceActor).</summary>
    private static readonly string[] RoomCodecs = ["opus/", "vp8/", "vp9/", "h264/"];

    /// <summary>Starts like an SDP and has at least one media section; anything else is refused before Janus.</summary>
    public static bool LooksValid(string sdp) =>
        sdp.Length is > 0 and <= MaxLength
        && sdp.StartsWith("v=0", StringComparison.Ordinal)
        && sdp.Contains("\nm=", StringComparison.Ordinal);

    /// <summary>
    /// Whether an answer accepts any media: a section that is not rejected (port 0) or inactive and names one of the
    /// rooms' codecs. Janus answers an offer without such a codec with a section it cannot use.
    /// </summary>
    public static bool HasAcceptedMedia(string answer)
    {
        foreach (var section in answer.Replace("\r\n", "\n", StringComparison.Ordinal).Split("\nm=").Skip(1))
        {
            var lines = section.Split('\n');
            if (lines[0].Split(' ') is not [_, var port, ..] || port == "0" || lines.Contains("a=inactive"))
                continue;
            if (lines.Any(l => l.StartsWith("a=rtpmap:", StringComparison.Ordinal)
                    && RoomCodecs.Any(c => l.Contains(' ' + c, StringComparison.OrdinalIgnoreCase))))
                return true;
        }
        return false;
    }

    /// <summary>
    /// The session id of the <c>o=</c> line: the same for every offer of one PeerConnection (an ICE restart, a
    /// renegotiation), a new one for a new connection. Null when there is no such line.
    /// </summary>
    public static string? SessionIdOf(string sdp)
    {
        var origin = sdp.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').FirstOrDefault(l => l.StartsWith("o=", StringComparison.Ordinal));
        return origin?.Split(' ') is [_, var id, ..] && id.Length > 0 ? id : null;
    }

    /// <summary>The <c>a=mid</c> of the first media section of a kind (<c>audio</c>, <c>video</c>), if any.</summary>
    public static string? MidOf(string sdp, string kind)
    {
        foreach (var section in sdp.Replace("\r\n", "\n", StringComparison.Ordinal).Split("\nm=").Skip(1))
        {
            if (!section.StartsWith(kind + " ", StringComparison.Ordinal))
                continue;
            var mid = section.Split('\n').FirstOrDefault(l => l.StartsWith("a=mid:", StringComparison.Ordinal));
            return mid?["a=mid:".Length..].Trim();
        }
        return null;
    }
}
