using System.Net;
using Akka.Actor;
using Akka.Event;
using System.Text.Json.Nodes;
using OpenTalk.Media.Janus;

namespace OpenTalk.Media;

/// <summary>
/// Phone callers as VideoRoom "remote publishers": Janus listens for their plain RTP (G.711 μ-law from the gateway)
/// and browsers subscribe to them like to anyone (rooms take <c>opus,pcmu</c>: browsers still publish Opus, the first).
/// Janus picks the port; packets must carry the SSRC Janus derives from the stream's index (1000 for the first).
/// A remote publisher has no owner in Janus: whoever adds one removes it, before the room goes.
/// </summary>
public sealed partial class JanusInstanceActor
{
    /// <summary>What Janus expects as the SSRC of a remote publisher's first stream (1000 + 10 × its index).</summary>
    public const uint CallSsrc = 1000;

    private async Task AddCallPublisherAsync(AddCallPublisher add)
    {
        var replyTo = Sender;
        if (RtpAddress() is not { } address)
        {
            replyTo.Tell(new CallPublisherAdded(null, 0, $"Media:Janus {_instance.Name} needs an RtpAddress (its URL names no IP address)"));
            return;
        }
        try
        {
            var (data, _) = await _control!.MessageAsync(new JsonObject
            {
                ["request"] = "add_remote_publisher", ["room"] = add.RoomId, ["id"] = add.Feed, ["display"] = add.Feed,
                ["iface"] = address,
                ["streams"] = new JsonArray(new JsonObject { ["type"] = "audio", ["mindex"] = 0, ["mid"] = "0", ["codec"] = "pcmu" }),
            });
            replyTo.Tell(new CallPublisherAdded(address, data.GetProperty("port").GetInt32(), null));
        }
        catch (Exception e) when (e is JanusException or JanusUnavailableException or KeyNotFoundException)
        {
            replyTo.Tell(new CallPublisherAdded(null, 0, e.Message));
        }
    }

    private async Task RemoveCallPublisherAsync(RemoveCallPublisher remove)
    {
        try
        {
            await _control!.MessageAsync(new JsonObject { ["request"] = "remove_remote_publisher", ["room"] = remove.RoomId, ["id"] = remove.Feed });
        }
        catch (Exception e) when (e is JanusException or JanusUnavailableException)
        {
            _log.Debug("Removing the caller {0} from {1}: {2}", remove.Feed, _instance.Name, e.Message);
        }
    }

    /// <summary>Where Janus takes RTP: the configured address, else the IP address its API URL names.</summary>
    private string? RtpAddress() =>
        _instance.RtpAddress is { Length: > 0 } configured ? configured
        : Uri.TryCreate(_instance.Url, UriKind.Absolute, out var url) && IPAddress.TryParse(url.Host.Trim('[', ']'), out _) ? url.Host.Trim('[', ']')
        : null;
}
