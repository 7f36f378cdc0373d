using System.Globalization;
using OpenTalk.Sip.Messages;

namespace OpenTalk.Sip.UserAgent;

/// <summary>The times of a registration (RFC 3261 §10.2.4, §10.3): what the registrar granted, when to refresh, when to try again.</summary>
internal static class RegistrationTimes
{
    private static readonly TimeSpan RefreshMargin = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan SlowRetry = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan LongestRetryAfter = TimeSpan.FromHours(1);

    /// <summary>
    /// The time granted to <paramref name="contact"/> by a 2xx: its Contact's <c>expires</c> parameter (the 2xx lists
    /// every binding of the address of record, so ours is found by user, host and port), else the Expires header, else
    /// what we asked for.
    /// </summary>
    public static TimeSpan Granted(SipResponse ok, SipUri contact, TimeSpan requested)
    {
        var ours = ok.Contacts.FirstOrDefault(c => c.Uri.User == contact.User
            && string.Equals(c.Uri.Host, contact.Host, StringComparison.OrdinalIgnoreCase) && (c.Uri.Port ?? 5060) == (contact.Port ?? 5060));
        var seconds = SipMessage.ReadInt(ours?.Parameters.Get("expires")) ?? ok.Expires;
        return seconds is { } s ? TimeSpan.FromSeconds(s) : requested;
    }

    /// <summary>At about 80 % of the granted time, and at least 30 s before it runs out; half of it when it is shorter than that.</summary>
    public static TimeSpan RefreshAfter(TimeSpan granted)
    {
        var refresh = TimeSpan.FromTicks(Math.Min((granted * 0.8).Ticks, (granted - RefreshMargin).Ticks));
        return refresh < granted / 2 ? granted / 2 : refresh;
    }

    /// <summary>
    /// The wait before the next try after <paramref name="failures"/> failures in a row: 5 s, 30 s, then every 2 min;
    /// every 5 min after a refusal (403, 404…), which a retry rarely mends; never sooner than the response's Retry-After.
    /// </summary>
    public static TimeSpan RetryAfter(int failures, bool refused, SipResponse? response)
    {
        var wait = refused ? SlowRetry : failures switch
        {
            <= 1 => TimeSpan.FromSeconds(5),
            2 => TimeSpan.FromSeconds(30),
            _ => TimeSpan.FromMinutes(2),
        };
        var asked = RetryAfterHeader(response);
        return asked is { } s && s > wait ? (s < LongestRetryAfter ? s : LongestRetryAfter) : wait;
    }

    /// <summary>Retry-After's seconds (RFC 3261 §20.33), its comment and parameters ignored.</summary>
    private static TimeSpan? RetryAfterHeader(SipResponse? response)
    {
        var value = response?.Headers.Get("Retry-After")?.Trim();
        if (value is null)
        {
            return null;
        }
        var digits = value.TakeWhile(char.IsAsciiDigit).Count();
        return digits is > 0 and < 10 ? TimeSpan.FromSeconds(int.Parse(value.AsSpan(0, digits), NumberStyles.None, CultureInfo.InvariantCulture)) : null;
    }
}
