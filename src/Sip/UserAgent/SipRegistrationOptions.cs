using OpenTalk.Sip.Auth;
using OpenTalk.Sip.Messages;

namespace OpenTalk.Sip.UserAgent;

/// <summary>What <see cref="SipUserAgent.Register"/> keeps registered: our Contact for an address of record at a registrar.</summary>
/// <param name="Registrar">The REGISTER's Request-URI and where it goes; its <c>transport</c> parameter picks UDP (the default) or TCP.</param>
/// <param name="AddressOfRecord">To and From of every REGISTER (the trunk's account).</param>
public sealed record SipRegistrationOptions(SipUri Registrar, NameAddress AddressOfRecord)
{
    public DigestCredentials? Credentials { get; init; }

    /// <summary>The time we ask for; the registrar may grant less, and we refresh before what it granted runs out.</summary>
    public TimeSpan Expires { get; init; } = TimeSpan.FromMinutes(10);
}

public enum SipRegistrationState
{
    /// <summary>The first REGISTER has not been answered yet.</summary>
    Registering,
    /// <summary>The last REGISTER was accepted; <see cref="SipRegistration.ExpiresAt"/> says until when.</summary>
    Registered,
    /// <summary>The last REGISTER failed (<see cref="SipRegistration.LastError"/>); another one follows after a while.</summary>
    Failed,
}
