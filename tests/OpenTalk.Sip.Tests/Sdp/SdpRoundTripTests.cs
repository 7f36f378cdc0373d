using CsCheck;
using OpenTalk.Sip.Sdp;

namespace OpenTalk.Sip.Tests.Sdp;

public sealed class SdpRoundTripTests
{
    private static readonly Gen<string> Word = Gen.String[Gen.Char["abcdefghijklmnopqrstuvwxyz0123456789-."], 1, 10];
    private static readonly Gen<string> Value = Gen.String[Gen.Char[' ', '~'], 0, 30].Select(s => s.Trim() + "x");
    private static readonly Gen<SdpAttribute> Attribute = Gen.Select(Word, Value.Null(), (n, v) => new SdpAttribute(n, v));
    private static readonly Gen<SdpLine> Line = Gen.Select(Gen.Char["iuepbrzk"], Value, (t, v) => new SdpLine(t, v));
    private static readonly Gen<SdpConnection?> Connection = Gen.Int[0, 255].Array[4].Select(o => SdpConnection.For(string.Join('.', o))).Null();

    private static readonly Gen<MediaDescription> Media = Gen.Select(Gen.OneOf("audio", "video", "application"), Gen.Int[0, 65535], Gen.Int[0, 127].Array[1, 6],
        Connection, Attribute.List[0, 6], Gen.Select(Gen.Char["ibk"], Value, (t, v) => new SdpLine(t, v)).List[0, 2],
        (media, port, formats, connection, attributes, lines) => new MediaDescription
        {
            Media = media, Port = port, Protocol = "RTP/AVP", Formats = [.. formats.Select(f => f.ToString(System.Globalization.CultureInfo.InvariantCulture))],
            Connection = connection, Attributes = attributes, OtherLines = lines,
        });

    private static readonly Gen<SessionDescription> Description = Gen.Select(Word, Gen.ULong, Connection, Attribute.List[0, 4], Line.List[0, 4], Media.List[0, 4],
        (user, id, connection, attributes, lines, media) => new SessionDescription
        {
            Origin = new SdpOrigin(user, id.ToString(System.Globalization.CultureInfo.InvariantCulture), "1", "IN", "IP4", "192.0.2.1"),
            SessionName = "-", Connection = connection, Timing = ["0 0"], Attributes = attributes, OtherLines = lines, Media = media,
        });

    [Fact]
    public void Writing_reading_and_writing_again_gives_the_same_text()
    {
        Description.Sample(sdp =>
        {
            var text = sdp.ToString();
            var read = SessionDescriptionTests.Parse(text);
            Assert.Equal(text, read.ToString());
            Assert.Equal(sdp.Media.Count, read.Media.Count);
            Assert.Equal(sdp.Media.SelectMany(m => m.Attributes), read.Media.SelectMany(m => m.Attributes));
        }, iter: 3_000, print: sdp => sdp.ToString());
    }
}
