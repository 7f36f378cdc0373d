using System.Net;
using Microsoft.AspNetCore.Http;
using OpenTalk.Host.Observability;

namespace OpenTalk.Host.Tests.Observability;

/// <summary>Who may scrape the metrics, without a node: addresses against the allowed networks, and the token.</summary>
public sealed class MetricsAccessTests
{
    private static DefaultHttpContext From(string address, string? authorization = null)
    {
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = IPAddress.Parse(address);
        if (authorization is not null)
            context.Request.Headers.Authorization = authorization;
        return context;
    }

    [Theory]
    [InlineData("127.0.0.1", true)]
    [InlineData("127.8.9.10", true)]
    [InlineData("::1", true)]
    [InlineData("::ffff:127.0.0.1", true)]
    [InlineData("10.0.0.1", false)]
    [InlineData("::ffff:10.0.0.1", false)]
    public void By_default_only_loopback_may_scrape(string address, bool allowed)
    {
        var access = new MetricsAccess(MetricsAccess.Parse(ObservabilitySettings.Loopback), null);
        Assert.Equal(allowed, access.Allows(From(address)));
    }

    [Fact]
    public void Listed_networks_replace_loopback_and_the_token_lets_anyone_in()
    {
        var access = new MetricsAccess(MetricsAccess.Parse(["10.0.0.0/8"]), "the-token");
        Assert.True(access.Allows(From("::ffff:10.1.2.3")));
        Assert.False(access.Allows(From("127.0.0.1")));
        Assert.False(access.Allows(From("192.0.2.1", "Bearer not-the-token")));
        Assert.False(access.Allows(From("192.0.2.1", "Basic the-token")));
        Assert.True(access.Allows(From("192.0.2.1", "Bearer the-token")));
    }

    [Fact]
    public void A_network_that_is_not_cidr_stops_the_node_with_the_setting_named() =>
        Assert.Contains("MetricsAllowedFrom", Assert.Throws<InvalidOperationException>(() => MetricsAccess.Parse(["10.0.0.0/33"])).Message,
            StringComparison.Ordinal);
}
