using System.Globalization;

namespace OpenTalk.Sip.Sdp;

/// <summary>The audio codecs we speak: G.711 in its two laws.</summary>
public enum AudioCodec
{
    Pcmu,
    Pcma,
}

/// <summary>
/// What offer and answer agreed on for the call's audio: the codec and its payload type, telephone-event's payload
/// type when both sides do RFC 4733, where to send RTP, and our direction (what we may do, from our side).
/// </summary>
public sealed record NegotiatedAudio(AudioCodec Codec, int PayloadType, int? TelephoneEventPayloadType, string RemoteAddress, int RemotePort, SdpDirection Direction, int? Ptime);

/// <summary>The outcome of an offer/answer exchange: agreed audio, or why not (answer 488 Not Acceptable Here).</summary>
public abstract record SdpNegotiationResult
{
    private SdpNegotiationResult()
    {
    }

    public sealed record Agreed(SessionDescription Answer, NegotiatedAudio Audio) : SdpNegotiationResult;

    public sealed record NotAcceptable(string Reason) : SdpNegotiationResult;
}

/// <summary>Reading payload types as codecs, shared by the answerer and the offerer.</summary>
internal static class SdpCodecs
{
    public const string TelephoneEvent = "telephone-event";

    /// <summary>The RTP profiles we can answer: plain RTP/AVP, and RTP/AVPF (feedback is optional to use). No SRTP.</summary>
    public static bool IsPlainRtp(string protocol) => protocol is "RTP/AVP" or "RTP/AVPF";

    /// <summary>The codec a payload type stands for: its rtpmap when there is one, else the static table (RFC 3551).</summary>
    public static AudioCodec? CodecOf(MediaDescription media, string format)
    {
        if (!int.TryParse(format, NumberStyles.None, CultureInfo.InvariantCulture, out var pt))
        {
            return null;
        }
        var map = media.RtpMapFor(pt);
        if (map is null)
        {
            return pt switch { 0 => AudioCodec.Pcmu, 8 => AudioCodec.Pcma, _ => null };
        }
        if (map.ClockRate != 8000 || map.Channels is not (null or 1))
        {
            return null;
        }
        return map.Encoding.ToUpperInvariant() switch { "PCMU" => AudioCodec.Pcmu, "PCMA" => AudioCodec.Pcma, _ => null };
    }

    public static int? TelephoneEventOf(MediaDescription media) =>
        media.RtpMaps.FirstOrDefault(m => m.Encoding.Equals(TelephoneEvent, StringComparison.OrdinalIgnoreCase) && m.ClockRate == 8000)?.PayloadType;

    public static SdpDirection Reverse(SdpDirection direction) => direction switch
    {
        SdpDirection.SendOnly => SdpDirection.RecvOnly,
        SdpDirection.RecvOnly => SdpDirection.SendOnly,
        _ => direction,
    };

    public static string EncodingName(AudioCodec codec) => codec == AudioCodec.Pcmu ? "PCMU" : "PCMA";

    public static int StaticPayloadType(AudioCodec codec) => codec == AudioCodec.Pcmu ? 0 : 8;
}
