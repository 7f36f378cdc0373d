using System.Globalization;

namespace OpenTalk.Sip.Messages;

/// <summary>
/// A SIP message (RFC 3261 §7): a start line, ordered headers and a body. The typed accessors read the raw headers
/// each time and give null when a header is absent or does not parse; the parser has already refused messages
/// whose mandatory headers are missing or malformed.
/// </summary>
public abstract class SipMessage
{
    public const string Version = "SIP/2.0";

    public SipHeaders Headers { get; init; } = new();

    /// <summary>The body; Content-Length is computed from it when the message is written.</summary>
    public byte[] Body { get; set; } = [];

    public SipCallId? CallId => Headers.Get(HeaderNames.CallId) is { Length: > 0 } id ? new SipCallId(id.Trim()) : null;

    public CSeq? CSeq => Messages.CSeq.TryParse(Headers.Get(HeaderNames.CSeq));

    public NameAddress? From => NameAddress.TryParse(Headers.Get(HeaderNames.From));

    public NameAddress? To => NameAddress.TryParse(Headers.Get(HeaderNames.To));

    /// <summary>Every Via element, topmost first; an element that does not parse is left out.</summary>
    public IReadOnlyList<Via> Vias => [.. Headers.GetValues(HeaderNames.Via).Select(Via.TryParse).OfType<Via>()];

    public Via? TopVia => Vias.Count > 0 ? Vias[0] : null;

    public int? MaxForwards => ReadInt(Headers.Get(HeaderNames.MaxForwards));

    public int? ContentLength => ReadInt(Headers.Get(HeaderNames.ContentLength));

    public string? ContentType => Headers.Get(HeaderNames.ContentType)?.Trim();

    /// <summary>True for <c>Contact: *</c> (a REGISTER removing every binding, RFC 3261 §10.2.2).</summary>
    public bool IsWildcardContact => Headers.GetValues(HeaderNames.Contact) is [var only] && only.Trim() == "*";

    public IReadOnlyList<NameAddress> Contacts => [.. Headers.GetValues(HeaderNames.Contact).Select(NameAddress.TryParse).OfType<NameAddress>()];

    public IReadOnlyList<NameAddress> Routes => [.. Headers.GetValues(HeaderNames.Route).Select(NameAddress.TryParse).OfType<NameAddress>()];

    /// <summary>The Expires header in seconds (RFC 3261 §20.19); null when absent or not a number.</summary>
    public int? Expires => ReadInt(Headers.Get(HeaderNames.Expires));

    public IReadOnlyList<NameAddress> RecordRoutes => [.. Headers.GetValues(HeaderNames.RecordRoute).Select(NameAddress.TryParse).OfType<NameAddress>()];

    internal static int? ReadInt(string? value) =>
        int.TryParse(value?.Trim(' ', '\t'), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;

    internal abstract string StartLine { get; }

    /// <summary>The message on the wire: start line, headers in order, Content-Length matching the body.</summary>
    public byte[] ToBytes() => SipSerializer.Serialize(this);

    public override string ToString() => System.Text.Encoding.UTF8.GetString(ToBytes());
}

/// <summary>A request (RFC 3261 §7.1). The method is any token: refusing unknown ones (501) is the caller's decision.</summary>
public sealed class SipRequest : SipMessage
{
    public required string Method { get; init; }
    public required SipUri RequestUri { get; init; }

    internal override string StartLine => $"{Method} {RequestUri} {Version}";
}

/// <summary>A response (RFC 3261 §7.2).</summary>
public sealed class SipResponse : SipMessage
{
    public required int StatusCode { get; init; }
    public required string ReasonPhrase { get; init; }

    internal override string StartLine => $"{Version} {StatusCode.ToString(CultureInfo.InvariantCulture)} {ReasonPhrase}";

    /// <summary>
    /// A response to <paramref name="request"/> as RFC 3261 §8.2.6 builds it: the Vias in order, From, To, Call-ID and
    /// CSeq copied, and a To tag added when one is given and the To header has none yet (not on 100 Trying).
    /// </summary>
    public static SipResponse For(SipRequest request, int statusCode, string? reasonPhrase = null, string? toTag = null) =>
        For(request.Headers, statusCode, reasonPhrase, toTag);

    /// <summary>
    /// The same from a request's headers alone: answering a request the parser refused
    /// (<see cref="SipParseResult.Failed.RequestHeaders"/>). Headers it lacks are left out.
    /// </summary>
    public static SipResponse For(SipHeaders request, int statusCode, string? reasonPhrase = null, string? toTag = null)
    {
        var response = new SipResponse { StatusCode = statusCode, ReasonPhrase = reasonPhrase ?? ReasonPhrases.For(statusCode) };
        foreach (var via in request.GetLines(HeaderNames.Via))
        {
            response.Headers.Add(HeaderNames.Via, via);
        }
        CopyOne(HeaderNames.From);
        var to = request.Get(HeaderNames.To);
        if (to is not null)
        {
            var parsed = NameAddress.TryParse(to);
            response.Headers.Add(HeaderNames.To, toTag is not null && statusCode > 100 && parsed is { Tag: null } ? parsed.WithTag(toTag).ToString() : to);
        }
        CopyOne(HeaderNames.CallId);
        CopyOne(HeaderNames.CSeq);
        return response;

        void CopyOne(string name)
        {
            if (request.Get(name) is { } value)
            {
                response.Headers.Add(name, value);
            }
        }
    }
}
