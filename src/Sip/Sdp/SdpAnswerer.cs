using System.Globalization;

namespace OpenTalk.Sip.Sdp;

/// <summary>Who we are in an answer: our RTP address and port, the o= identity, and the codecs we accept.</summary>
public sealed record SdpAnswerOptions(string Address, int AudioPort, ulong SessionId, ulong SessionVersion)
{
    public string Username { get; init; } = "-";
    public IReadOnlySet<AudioCodec> Codecs { get; init; } = new HashSet<AudioCodec> { AudioCodec.Pcmu, AudioCodec.Pcma };
    public int Ptime { get; init; } = 20;
}

/// <summary>
/// Answers an offer (RFC 3264 §6): the first audio stream on plain RTP gets the first codec of the offerer's list that
/// we accept, plus telephone-event when offered; every other m= line is refused with port 0, in the same order.
/// </summary>
public static class SdpAnswerer
{
    public static SdpNegotiationResult Answer(SessionDescription offer, SdpAnswerOptions options)
    {
        var answer = new SessionDescription
        {
            Origin = new SdpOrigin(options.Username, options.SessionId.ToString(CultureInfo.InvariantCulture),
                options.SessionVersion.ToString(CultureInfo.InvariantCulture), "IN", SdpConnection.For(options.Address).AddressType, options.Address),
            SessionName = "-",
            Connection = SdpConnection.For(options.Address),
            Timing = offer.Timing.Count > 0 ? [.. offer.Timing] : ["0 0"],
        };
        NegotiatedAudio? audio = null;
        foreach (var media in offer.Media)
        {
            var accepted = audio is null ? TryAccept(offer, media, options) : null;
            if (accepted is null)
            {
                // §6: a refused stream keeps its media, transport and formats, with port zero.
                answer.Media.Add(new MediaDescription { Media = media.Media, Port = 0, Protocol = media.Protocol, Formats = [.. media.Formats] });
                continue;
            }
            audio = accepted.Value.Audio;
            answer.Media.Add(accepted.Value.Section);
        }
        return audio is null
            ? new SdpNegotiationResult.NotAcceptable("no audio stream on RTP/AVP with a codec in common")
            : new SdpNegotiationResult.Agreed(answer, audio);
    }

    private static (NegotiatedAudio Audio, MediaDescription Section)? TryAccept(SessionDescription offer, MediaDescription media, SdpAnswerOptions options)
    {
        if (!media.Media.Equals("audio", StringComparison.OrdinalIgnoreCase) || media.Port == 0 || !SdpCodecs.IsPlainRtp(media.Protocol))
        {
            return null;
        }
        var chosen = media.Formats.Select(f => (Format: f, Codec: SdpCodecs.CodecOf(media, f)))
            .FirstOrDefault(c => c.Codec is { } codec && options.Codecs.Contains(codec));
        var remote = offer.AddressOf(media);
        if (chosen.Codec is not { } codec || remote is null)
        {
            return null;
        }
        var pt = int.Parse(chosen.Format, CultureInfo.InvariantCulture);
        var te = SdpCodecs.TelephoneEventOf(media);
        var direction = SdpCodecs.Reverse(media.DirectionIn(offer));
        var section = new MediaDescription { Media = media.Media, Port = options.AudioPort, Protocol = media.Protocol, Formats = [chosen.Format] };
        section.Attributes.Add(new SdpAttribute("rtpmap", new RtpMap(pt, SdpCodecs.EncodingName(codec), 8000, null).ToString()));
        if (te is { } tePt)
        {
            section.Formats.Add(tePt.ToString(CultureInfo.InvariantCulture));
            section.Attributes.Add(new SdpAttribute("rtpmap", $"{tePt} {SdpCodecs.TelephoneEvent}/8000"));
            section.Attributes.Add(new SdpAttribute("fmtp", $"{tePt} {media.FmtpFor(tePt) ?? "0-15"}"));
        }
        section.Attributes.Add(new SdpAttribute("ptime", options.Ptime.ToString(CultureInfo.InvariantCulture)));
        section.Attributes.Add(new SdpAttribute(MediaDescription.DirectionName(direction)));
        var audio = new NegotiatedAudio(codec, pt, te, remote, media.Port, direction, media.Ptime);
        return (audio, section);
    }
}
