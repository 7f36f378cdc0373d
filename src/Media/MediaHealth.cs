namespace OpenTalk.Media;

/// <summary>
/// The gateway's latest view of its Janus instances, readable from any thread: metrics read it while the gateway
/// actor writes it.
/// </summary>
public sealed class MediaHealth
{
    private volatile IReadOnlyList<MediaServerStatus> _instances = [];

    public IReadOnlyList<MediaServerStatus> Instances => _instances;

    internal void Set(IEnumerable<MediaServerStatus> instances) => _instances = [.. instances];
}
