using CsCheck;
using OpenTalk.Sip.Messages;

namespace OpenTalk.Sip.Tests.Messages;

public sealed class StreamFramerPropertyTests
{
    [Fact]
    public void Messages_cut_into_random_reads_come_out_whole_and_in_order()
    {
        Gen.Select(SipGenerators.Message.Array[1, 4], Gen.Int[1, 400].Array[1, 20], Gen.Bool).Sample(sample =>
        {
            var (messages, cuts, pings) = sample;
            var stream = messages.SelectMany(m => (pings ? "\r\n\r\n"u8.ToArray() : []).Concat(m.ToBytes())).ToArray();
            var framer = new SipStreamFramer();
            var frames = new List<SipFrame>();
            var at = 0;
            for (var i = 0; at < stream.Length; i++)
            {
                var take = Math.Min(cuts[i % cuts.Length], stream.Length - at);
                frames.AddRange(framer.Feed(stream.AsSpan(at, take)));
                at += take;
            }
            var read = frames.OfType<SipFrame.Message>().Select(f => Assert.IsType<SipParseResult.Parsed>(f.Result).Message.ToBytes()).ToList();
            Assert.Equal(messages.Select(m => m.ToBytes()), read);
            Assert.Equal(pings ? messages.Length : 0, frames.OfType<SipFrame.Ping>().Count());
            Assert.Equal(0, framer.Buffered);
        }, iter: 1_000);
    }

    [Fact]
    public void Random_bytes_in_random_reads_never_make_the_framer_throw_or_hoard()
    {
        var limits = new SipParserLimits { MaxMessageBytes = 4096 };
        Gen.Select(Gen.Byte.Array[0, 3000].Array[1, 6], Gen.Bool).Sample(sample =>
        {
            var (reads, crlfRich) = sample;
            var framer = new SipStreamFramer(limits);
            foreach (var read in reads)
            {
                var bytes = crlfRich ? read.Select(b => b % 5 == 0 ? (byte)'\n' : b % 5 == 1 ? (byte)'\r' : b).ToArray() : read;
                Assert.NotNull(framer.Feed(bytes));
                Assert.True(framer.Buffered <= limits.MaxMessageBytes + 4);
            }
        }, iter: 2_000);
    }
}
