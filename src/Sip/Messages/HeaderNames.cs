namespace OpenTalk.Sip.Messages;

/// <summary>Header names as we write them, the compact forms we read (RFC 3261 §7.3.3, §20) and which ones are lists.</summary>
public static class HeaderNames
{
    public const string Via = "Via";
    public const string From = "From";
    public const string To = "To";
    public const string CallId = "Call-ID";
    public const string CSeq = "CSeq";
    public const string Contact = "Contact";
    public const string MaxForwards = "Max-Forwards";
    public const string ContentLength = "Content-Length";
    public const string ContentType = "Content-Type";
    public const string ContentEncoding = "Content-Encoding";
    public const string Supported = "Supported";
    public const string Subject = "Subject";
    public const string Route = "Route";
    public const string RecordRoute = "Record-Route";
    public const string Allow = "Allow";
    public const string Require = "Require";
    public const string Expires = "Expires";
    public const string UserAgent = "User-Agent";
    public const string Server = "Server";
    public const string WwwAuthenticate = "WWW-Authenticate";
    public const string Authorization = "Authorization";
    public const string ProxyAuthenticate = "Proxy-Authenticate";
    public const string ProxyAuthorization = "Proxy-Authorization";

    private static readonly Dictionary<string, string> Compact = new(StringComparer.OrdinalIgnoreCase)
    {
        ["i"] = CallId, ["m"] = Contact, ["f"] = From, ["t"] = To, ["v"] = Via, ["l"] = ContentLength,
        ["c"] = ContentType, ["k"] = Supported, ["s"] = Subject, ["e"] = ContentEncoding,
        ["o"] = "Event", ["r"] = "Refer-To", ["b"] = "Referred-By", ["u"] = "Allow-Events", ["x"] = "Session-Expires",
    };

    private static readonly Dictionary<string, string> Canonical = new[]
    {
        Via, From, To, CallId, CSeq, Contact, MaxForwards, ContentLength, ContentType, ContentEncoding, Supported, Subject,
        Route, RecordRoute, Allow, Require, Expires, UserAgent, Server, WwwAuthenticate, Authorization, ProxyAuthenticate,
        ProxyAuthorization, "Proxy-Require", "Unsupported", "Accept", "Accept-Encoding", "Accept-Language", "Content-Language",
        "Min-Expires", "Retry-After", "Timestamp", "Date", "Warning", "Event", "Refer-To", "Referred-By", "Allow-Events",
        "Session-Expires", "Min-SE", "RSeq", "RAck", "Path", "Service-Route", "Reason", "Call-Info", "Alert-Info", "Error-Info",
        "In-Reply-To", "Organization", "Priority", "Reply-To", "MIME-Version", "Content-Disposition", "Authentication-Info",
        "P-Asserted-Identity", "Privacy",
    }.ToDictionary(n => n, StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Headers whose comma-separated values are separate elements (RFC 3261 §7.3.1). The authentication headers are
    /// not: their parameters are separated by commas too.
    /// </summary>
    private static readonly HashSet<string> Lists = new(StringComparer.OrdinalIgnoreCase)
    {
        Via, Contact, Route, RecordRoute, Allow, Supported, Require, "Proxy-Require", "Unsupported", "Accept", "Accept-Encoding",
        "Accept-Language", ContentEncoding, "Content-Language", "Allow-Events", "Path", "Service-Route", "Call-Info",
        "Alert-Info", "Error-Info", "In-Reply-To", "Warning", "P-Asserted-Identity",
    };

    /// <summary>The long name for a compact form, our spelling for a known name, any other name as written.</summary>
    public static string Normalize(string name) =>
        Compact.TryGetValue(name, out var full) || Canonical.TryGetValue(name, out full) ? full : name;

    public static bool IsList(string name) => Lists.Contains(name);
}
