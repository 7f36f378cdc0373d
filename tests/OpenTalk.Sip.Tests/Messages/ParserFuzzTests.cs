using System.Text;
using CsCheck;
using OpenTalk.Sip.Messages;

namespace OpenTalk.Sip.Tests.Messages;

/// <summary>Whatever arrives, the parser answers with a result and never throws; refusals it can answer carry 400, 505 or 513.</summary>
public sealed class ParserFuzzTests
{
    private static readonly int?[] Answers = [null, 400, 505, 513];

    private static void ParsesWithoutThrowing(byte[] bytes)
    {
        var result = SipParser.Parse(bytes);
        if (result is SipParseResult.Failed failed)
        {
            Assert.Contains(failed.StatusCode, Answers);
            Assert.False(string.IsNullOrEmpty(failed.Reason));
            if (failed is { StatusCode: { } status, RequestHeaders: { } headers })
            {
                // Whatever was read of a refused request, the answer can be built and written.
                Assert.NotEmpty(SipResponse.For(headers, status).ToBytes());
            }
        }
        else
        {
            // What parsed, writes; and what it writes parses again.
            Assert.IsType<SipParseResult.Parsed>(SipParser.Parse(((SipParseResult.Parsed)result).Message.ToBytes()));
        }
    }

    [Fact]
    public void Random_bytes_give_a_result()
    {
        Gen.Byte.Array[0, 2_000].Sample(ParsesWithoutThrowing, iter: 10_000);
    }

    [Fact]
    public void Random_sip_looking_text_gives_a_result()
    {
        var pieces = Gen.OneOf<string>("INVITE ", "sip:", "SIP/2.0", "\r\n", "\n", " ", "\t", ":", ";", ",", "<", ">", "\"", "\\", "@", "[", "]",
            "Via: SIP/2.0/UDP h;branch=z9hG4bK", "From: ", "To: ", "Call-ID: ", "CSeq: 1 INVITE", "l: ", "Content-Length: ", "0", "9",
            "-1", "%", "=", "tag", "\0", "é", "\r\n\r\n");
        pieces.Array[0, 60].Select(p => Encoding.UTF8.GetBytes(string.Concat(p))).Sample(ParsesWithoutThrowing, iter: 10_000);
    }

    [Fact]
    public void Mutated_valid_messages_give_a_result()
    {
        var valid = Wire.ValidInvite();
        var mutation = Gen.Int[0, 6].SelectMany(kind => Gen.Int[0, valid.Length - 1].SelectMany(at => Gen.Byte.Select(value => Mutate(valid, kind, at, value))));
        mutation.Sample(ParsesWithoutThrowing, iter: 10_000);
        SipGenerators.Message.SelectMany(m => Gen.Int[0, 6].SelectMany(kind => Gen.Int[0, 400].SelectMany(at => Gen.Byte.Select(value => Mutate(m.ToBytes(), kind, at, value)))))
            .Sample(ParsesWithoutThrowing, iter: 3_000);
    }

    private static byte[] Mutate(byte[] message, int kind, int at, byte value)
    {
        at %= message.Length;
        var bytes = message.ToList();
        switch (kind)
        {
            case 0: bytes[at] = value; break; // flip a byte
            case 1: bytes.RemoveRange(at, bytes.Count - at); break; // truncate
            case 2: bytes.Insert(at, value % 3 == 0 ? (byte)'\r' : value % 3 == 1 ? (byte)'\n' : (byte)0); break;
            case 3:
                var lineStart = bytes.LastIndexOf((byte)'\n', at) + 1;
                var lineEnd = bytes.IndexOf((byte)'\n', at);
                if (lineEnd > lineStart)
                {
                    bytes.InsertRange(lineStart, bytes.GetRange(lineStart, lineEnd - lineStart + 1)); // a duplicated line
                }
                break;
            case 4: bytes.InsertRange(at, Encoding.ASCII.GetBytes("X-Huge: " + new string('h', 70_000) + "\r\n")); break;
            case 5: bytes.RemoveAt(at); break;
            default: bytes.Insert(at, value); break;
        }
        return [.. bytes];
    }
}
