using CsCheck;
using OpenTalk.Sip.Messages;

namespace OpenTalk.Sip.Tests.Messages;

public sealed class RoundTripTests
{
    [Fact]
    public void Parsing_what_was_written_gives_the_same_message()
    {
        SipGenerators.Message.Sample(message =>
        {
            var bytes = message.ToBytes();
            var parsed = Assert.IsType<SipParseResult.Parsed>(SipParser.Parse(bytes)).Message;
            switch ((message, parsed))
            {
                case (SipRequest a, SipRequest b):
                    Assert.Equal((a.Method, a.RequestUri), (b.Method, b.RequestUri));
                    break;
                case (SipResponse a, SipResponse b):
                    Assert.Equal((a.StatusCode, a.ReasonPhrase), (b.StatusCode, b.ReasonPhrase));
                    break;
                default:
                    Assert.Fail("the kind of message changed");
                    break;
            }
            Assert.Equal(message.Headers, parsed.Headers.Where(h => h.Name != HeaderNames.ContentLength));
            Assert.Equal(message.Body, parsed.Body);
            Assert.Equal(bytes, parsed.ToBytes());
            Assert.Equal(message.CSeq, parsed.CSeq);
            Assert.Equal(message.From, parsed.From);
            Assert.Equal(message.Vias, parsed.Vias);
        }, iter: 3_000, print: SipGenerators.Describe);
    }

    [Fact]
    public void Typed_values_survive_writing_and_reading()
    {
        SipGenerators.Uri.Sample(uri => Assert.Equal(uri, SipUri.TryParse(uri.ToString())), iter: 5_000);
    }
}
