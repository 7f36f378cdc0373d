namespace OpenTalk.Tests.Shared;

/// <summary>
/// The private network namespace <c>./test</c> creates for media (deploy/scripts/media-netns.sh): Janus and browsers
/// run inside it on 10.77.0.2; the host side of its veth pair is 10.77.0.1. Never any other address.
/// </summary>
public static class MediaNetwork
{
    public static string Namespace =>
        Environment.GetEnvironmentVariable("OPENTALK_TEST_NETNS")
        ?? throw new InvalidOperationException("OPENTALK_TEST_NETNS is not set: run the tests through ./test, which creates the media namespace.");

    public const string HostAddress = "10.77.0.1";

    public const string InsideAddress = "10.77.0.2";

    /// <summary>The namespace's side of the veth pair: the only interface Janus may use for ICE.</summary>
    public static string InsideInterface => $"{Namespace[..Math.Min(8, Namespace.Length)]}-n";

    /// <summary>
    /// The namespace of people behind a NAT: no route leads from it to <see cref="Namespace"/>, so browsers there reach
    /// Janus only through a TURN server on the host that listens on both host addresses.
    /// </summary>
    public static string ClientNamespace =>
        Environment.GetEnvironmentVariable("OPENTALK_TEST_CLIENT_NETNS")
        ?? throw new InvalidOperationException("OPENTALK_TEST_CLIENT_NETNS is not set: run the tests through ./test, which creates the namespaces.");

    /// <summary>The host's address toward <see cref="ClientNamespace"/>.</summary>
    public const string ClientHostAddress = "10.78.0.1";
}
