using System.Text;
using CsCheck;
using OpenTalk.Sip.Messages;

namespace OpenTalk.Sip.Tests.Messages;

/// <summary>Generators of valid messages: random methods, URIs, mandatory headers, extension headers and bodies.</summary>
internal static class SipGenerators
{
    private static readonly Gen<string> Token = Gen.String[Gen.Char["abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-.!%*_+`'~"], 1, 12];
    private static readonly Gen<string> Word = Gen.String[Gen.Char["abcdefghijklmnopqrstuvwxyz0123456789"], 1, 10];
    private static readonly Gen<string> Host = Gen.OneOf(
        Word.Array[1, 3].Select(parts => string.Join('.', parts)),
        Gen.Int[0, 255].Array[4].Select(o => string.Join('.', o)),
        Gen.Const("[2001:db8::1]"));
    private static readonly Gen<int?> Port = Gen.Frequency((3, Gen.Const((int?)null)), (1, Gen.Int[1, 65535].Select(p => (int?)p)));

    public static readonly Gen<SipUri> Uri = Gen.Select(Gen.Bool, Word.Null(), Host, Port, Word.Array[0, 2], (sips, user, host, port, parameters) =>
        new SipUri
        {
            Scheme = sips ? "sips" : "sip", User = user, Host = host, Port = port,
            Parameters = new SipParameters(parameters.Select((p, i) => new SipParameter(p + i, i % 2 == 0 ? null : p))),
        });

    /// <summary>Printable text for extension header values: no line ends, no edges of whitespace (those are trimmed on reading).</summary>
    private static readonly Gen<string> Value = Gen.String[Gen.Char[' ', '~'], 0, 40].Select(s => s.Trim()).Select(s => s + "é").Select(s => s.TrimStart());

    private static readonly Gen<(string, string)[]> Extensions = Gen.Select(Token, Value, (n, v) => ("X-" + n, v)).Array[0, 6];

    private static readonly Gen<byte[]> Body = Gen.Frequency((1, Gen.Const(Array.Empty<byte>())), (2, Gen.Byte.Array[0, 300]));

    public static readonly Gen<SipRequest> Request = Gen.Select(Token, Uri, Gen.Select(Uri, Uri, Word, Gen.UInt[0, int.MaxValue]), Extensions, Body, Host,
        (method, target, parties, extensions, body, viaHost) =>
        {
            var (from, to, tag, cseq) = parties;
            var request = new SipRequest { Method = method, RequestUri = target, Body = body };
            request.Headers.Add("Via", $"SIP/2.0/UDP {viaHost};branch={SipIds.NewBranch()};rport");
            request.Headers.Add("Max-Forwards", "70");
            request.Headers.Add("From", new NameAddress("Display " + tag, from, SipParameters.Empty).WithTag(tag).ToString());
            request.Headers.Add("To", new NameAddress(to).ToString());
            request.Headers.Add("Call-ID", tag + "@" + viaHost);
            request.Headers.Add("CSeq", new CSeq(cseq, method).ToString());
            foreach (var (name, value) in extensions)
            {
                request.Headers.Add(name, value);
            }
            return request;
        });

    public static readonly Gen<SipResponse> Response = Gen.Select(Request, Gen.Int[100, 699], Gen.String[Gen.Char['a', 'z'], 0, 20], (request, code, reason) =>
    {
        var response = SipResponse.For(request, code, reason, toTag: "t" + code);
        response.Body = request.Body;
        return response;
    });

    public static readonly Gen<SipMessage> Message = Gen.OneOf<SipMessage>(Request.Select(r => (SipMessage)r), Response.Select(r => (SipMessage)r));

    public static string Describe(SipMessage m) => Encoding.UTF8.GetString(m.ToBytes());
}
