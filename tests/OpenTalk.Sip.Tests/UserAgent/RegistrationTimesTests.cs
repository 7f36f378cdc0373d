using OpenTalk.Sip.Messages;
using OpenTalk.Sip.UserAgent;

namespace OpenTalk.Sip.Tests.UserAgent;

public sealed class RegistrationTimesTests
{
    private static readonly SipUri Ours = SipUri.Sip("opentalk", "192.0.2.7", 5060);
    private static readonly TimeSpan Asked = TimeSpan.FromSeconds(600);

    private static SipResponse Ok(params string[] headers)
    {
        var ok = new SipResponse { StatusCode = 200, ReasonPhrase = "OK" };
        foreach (var header in headers)
        {
            var colon = header.IndexOf(':', StringComparison.Ordinal);
            ok.Headers.Add(header[..colon], header[(colon + 1)..].Trim());
        }
        return ok;
    }

    [Fact]
    public void The_granted_time_is_our_contacts_among_every_binding_of_the_address_of_record()
    {
        var ok = Ok("Contact: <sip:desk@192.0.2.9>;expires=3600, <sip:opentalk@192.0.2.7>;expires=120", "Expires: 900");
        Assert.Equal(TimeSpan.FromSeconds(120), RegistrationTimes.Granted(ok, Ours, Asked));
    }

    [Fact]
    public void Without_an_expires_parameter_the_granted_time_is_the_expires_header_else_what_we_asked()
    {
        Assert.Equal(TimeSpan.FromSeconds(900), RegistrationTimes.Granted(Ok("Contact: <sip:opentalk@192.0.2.7:5060>", "Expires: 900"), Ours, Asked));
        Assert.Equal(Asked, RegistrationTimes.Granted(Ok("Contact: <sip:opentalk@192.0.2.7:5080>;expires=60"), Ours, Asked));
    }

    [Theory]
    [InlineData(3600, 2880)]
    [InlineData(600, 480)]
    [InlineData(120, 90)]
    [InlineData(60, 30)]
    [InlineData(20, 10)]
    public void A_refresh_comes_at_80_percent_and_at_least_30_s_early_but_not_before_half_time(int granted, int refresh) =>
        Assert.Equal(TimeSpan.FromSeconds(refresh), RegistrationTimes.RefreshAfter(TimeSpan.FromSeconds(granted)));

    [Theory]
    [InlineData(1, false, null, 5)]
    [InlineData(2, false, null, 30)]
    [InlineData(3, false, null, 120)]
    [InlineData(9, false, null, 120)]
    [InlineData(1, true, null, 300)]
    [InlineData(1, false, "600 (maintenance)", 600)]
    [InlineData(3, false, "10", 120)]
    [InlineData(1, false, "999999", 3600)]
    public void Retries_back_off_and_wait_at_least_what_retry_after_asks(int failures, bool refused, string? retryAfter, int seconds)
    {
        var response = new SipResponse { StatusCode = 503, ReasonPhrase = "Service Unavailable" };
        if (retryAfter is not null)
        {
            response.Headers.Add("Retry-After", retryAfter);
        }
        Assert.Equal(TimeSpan.FromSeconds(seconds), RegistrationTimes.RetryAfter(failures, refused, response));
    }
}
