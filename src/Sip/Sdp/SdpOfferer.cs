using System.Globalization;

namespace OpenTalk.Sip.Sdp;

/// <summary>Who we are in an offer: our RTP address and port and the o= identity.</summary>
public sealed record SdpOfferOptions(string Address, int AudioPort, ulong SessionId, ulong SessionVersion)
{
    public string Username { get; init; } = "-";
    public int TelephoneEventPayloadType { get; init; } = 101;
    public int Ptime { get; init; } = 20;
}

/// <summary>Offers for calls we place (RFC 3264 §5) and reading what the answer chose (§7).</summary>
public static class SdpOfferer
{
    /// <summary>One audio stream: PCMU, PCMA and telephone-event, sendrecv.</summary>
    public static SessionDescription Offer(SdpOfferOptions options)
    {
        var te = options.TelephoneEventPayloadType;
        var audio = new MediaDescription { Media = "audio", Port = options.AudioPort, Protocol = "RTP/AVP", Formats = ["0", "8", te.ToString(CultureInfo.InvariantCulture)] };
        audio.Attributes.AddRange(
        [
            new SdpAttribute("rtpmap", "0 PCMU/8000"),
            new SdpAttribute("rtpmap", "8 PCMA/8000"),
            new SdpAttribute("rtpmap", $"{te} {SdpCodecs.TelephoneEvent}/8000"),
            new SdpAttribute("fmtp", $"{te} 0-15"),
            new SdpAttribute("ptime", options.Ptime.ToString(CultureInfo.InvariantCulture)),
            new SdpAttribute("sendrecv"),
        ]);
        return new SessionDescription
        {
            Origin = new SdpOrigin(options.Username, options.SessionId.ToString(CultureInfo.InvariantCulture),
                options.SessionVersion.ToString(CultureInfo.InvariantCulture), "IN", SdpConnection.For(options.Address).AddressType, options.Address),
            SessionName = "-",
            Connection = SdpConnection.For(options.Address),
            Timing = ["0 0"],
            Media = [audio],
        };
    }

    /// <summary>
    /// What the answer to <paramref name="offer"/> chose: the first format of its first accepted audio stream that we
    /// offered, telephone-event if kept, the remote address and port, and our direction.
    /// </summary>
    public static SdpNegotiationResult ReadAnswer(SessionDescription offer, SessionDescription answer)
    {
        if (answer.Media.Count != offer.Media.Count)
        {
            return new SdpNegotiationResult.NotAcceptable("the answer has not as many m= lines as the offer");
        }
        for (var i = 0; i < answer.Media.Count; i++)
        {
            var media = answer.Media[i];
            if (media.Port == 0 || !media.Media.Equals("audio", StringComparison.OrdinalIgnoreCase) || !SdpCodecs.IsPlainRtp(media.Protocol))
            {
                continue;
            }
            var offered = offer.Media[i];
            foreach (var format in media.Formats)
            {
                if (SdpCodecs.CodecOf(media, format) is { } codec && offered.Formats.Contains(format) && answer.AddressOf(media) is { } remote)
                {
                    var te = SdpCodecs.TelephoneEventOf(media);
                    var direction = SdpCodecs.Reverse(media.DirectionIn(answer));
                    return new SdpNegotiationResult.Agreed(answer, new NegotiatedAudio(codec, int.Parse(format, CultureInfo.InvariantCulture),
                        te is { } t && offered.Formats.Contains(t.ToString(CultureInfo.InvariantCulture)) ? te : null, remote, media.Port, direction, media.Ptime));
                }
            }
        }
        return new SdpNegotiationResult.NotAcceptable("the answer accepted no audio codec we offered");
    }
}
