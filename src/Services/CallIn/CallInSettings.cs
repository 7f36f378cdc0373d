namespace OpenTalk.Services.CallIn;

/// <summary>Section <c>CallIn</c>: where the phone gateway finds the node, who it is, and where it takes calls.</summary>
public sealed class CallInSettings
{
    public const string Section = "CallIn";

    /// <summary>The node's address, for REST and signaling (e.g. <c>https://meet.example.org/</c>).</summary>
    public Uri? Node { get; set; }

    /// <summary>The service account's client id; the account needs the role <c>opentalk-call-in</c>.</summary>
    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    /// <summary>Where the token endpoint is (<c>connect/token</c> below it); the node itself when unset.</summary>
    public Uri? Authority { get; set; }

    /// <summary>The address SIP and RTP listen on.</summary>
    public string ListenAddress { get; set; } = "127.0.0.1";

    /// <summary>SIP's port, for UDP and TCP alike.</summary>
    public int SipPort { get; set; } = 5060;

    /// <summary>The address callers are told to send media and requests to (SDP, Contact): the public one behind NAT.</summary>
    public string? PublicAddress { get; set; }

    /// <summary>Each call takes an even port (RTP) and the next (RTCP) from this range.</summary>
    public int RtpPortMin { get; set; } = 40000;

    public int RtpPortMax { get; set; } = 40999;

    /// <summary>This machine's address as Janus reaches it: the room's audio comes here, and the callers' audio leaves from here.</summary>
    public string RoomRtpAddress { get; set; } = "127.0.0.1";

    /// <summary>Seconds without a key after a prompt before it is said again (three times, then the call ends).</summary>
    public int KeySeconds { get; set; } = 10;

    /// <summary>The prompts' language: <c>en</c> or <c>de</c>.</summary>
    public string Language { get; set; } = "en";

    /// <summary>
    /// How many of the caller's last digits name them in the room when their phone sends no display name
    /// (<c>Phone …1234</c>): the whole number would tell everybody in the meeting who called.
    /// </summary>
    public int ShownDigits { get; set; } = 4;

    /// <summary>Where the spoken prompts are made and kept (<c>espeak-ng</c>, then 8 kHz); unset: a folder in the temp folder.</summary>
    public string? PromptFolder { get; set; }

    /// <summary>Calls at once; more are answered <c>486 Busy Here</c>.</summary>
    public int MaxCalls { get; set; } = 50;

    /// <summary>The telephone provider's SIP server, for calls the rooms place (dial-out) and, if asked, a registration.</summary>
    public TrunkSettings Trunk { get; set; } = new();
}

/// <summary>Section <c>CallIn:Trunk</c>. Without <see cref="Server"/> the gateway places no calls (moderators hear <c>unreachable</c>).</summary>
public sealed class TrunkSettings
{
    /// <summary>Where calls go: the provider's SIP server as <c>host</c> or <c>host:port</c> (UDP unless <see cref="Transport"/> says tcp).</summary>
    public string? Server { get; set; }

    /// <summary>The domain numbers are dialed in and our address of record lives in (<c>sip:number@domain</c>); the server's host when unset.</summary>
    public string? Domain { get; set; }

    /// <summary>The line's user name (also the user part of our address of record) and password for Digest authentication.</summary>
    public string? Username { get; set; }

    public string? Password { get; set; }

    /// <summary>Keep a registration at the server, as providers ask of a line before they route its incoming calls.</summary>
    public bool Register { get; set; }

    /// <summary>How long a registration is asked for, in seconds; it is renewed well before.</summary>
    public int RegisterSeconds { get; set; } = 600;

    /// <summary><c>udp</c> or <c>tcp</c>.</summary>
    public string Transport { get; set; } = "udp";

    /// <summary>How long a call may ring before it counts as not answered.</summary>
    public int RingSeconds { get; set; } = 60;
}
