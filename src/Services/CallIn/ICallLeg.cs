namespace OpenTalk.Services.CallIn;

/// <summary>The phone side of one answered call, as a <see cref="CallSession"/> uses it (SIP and RTP are behind it).</summary>
public interface ICallLeg
{
    /// <summary>The caller's display name from their phone or trunk, if it sent one.</summary>
    string? CallerName { get; }

    /// <summary>The caller's number (the user part of their address), if known.</summary>
    string? CallerNumber { get; }

    CallMedia Media { get; }

    /// <summary>Cancelled when the caller hung up or the call broke.</summary>
    CancellationToken HungUp { get; }

    /// <summary>Ends the call from this side (a BYE).</summary>
    Task HangUpAsync();
}
