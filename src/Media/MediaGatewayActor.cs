using Akka.Actor;

namespace OpenTalk.Media;

/// <summary>
/// The node's door to the Janus instances: one <see cref="JanusInstanceActor"/> per configured instance, and the
/// choice of instance for a new publisher (the least loaded one that is up). Subscribers use the publisher's instance.
/// </summary>
public sealed class MediaGatewayActor : ReceiveActor
{
    private readonly Dictionary<string, IActorRef> _instances = new(StringComparer.Ordinal);
    private readonly Dictionary<string, MediaServerStatus> _status = new(StringComparer.Ordinal);

    // Publishers placed since the last load report: spreads a burst of joins before Janus reports them.
    private readonly Dictionary<string, int> _placed = new(StringComparer.Ordinal);

    public MediaGatewayActor(MediaSettings settings)
    {
        foreach (var instance in settings.Janus)
        {
            _instances[instance.Name] = Context.ActorOf(JanusInstanceActor.Props(instance, settings), Uri.EscapeDataString(instance.Name));
            _status[instance.Name] = new MediaServerStatus(instance.Name, false, 0, 0);
        }
        Receive<MediaServerStatus>(s =>
        {
            _status[s.Name] = s;
            _placed[s.Name] = 0;
        });
        Receive<PickPublisherInstance>(_ =>
        {
            var best = _status.Values.Where(s => s.Up)
                .OrderBy(s => s.Publishers + _placed.GetValueOrDefault(s.Name))
                .ThenBy(s => s.Name, StringComparer.Ordinal)
                .FirstOrDefault();
            if (best is null)
            {
                Sender.Tell(new InstanceFound(null, null));
                return;
            }
            _placed[best.Name] = _placed.GetValueOrDefault(best.Name) + 1;
            Sender.Tell(new InstanceFound(best.Name, _instances[best.Name]));
        });
        Receive<FindInstance>(f => Sender.Tell(_instances.TryGetValue(f.Name, out var instance) && _status[f.Name].Up
            ? new InstanceFound(f.Name, instance)
            : new InstanceFound(null, null)));
        Receive<GetMediaOverview>(_ => Sender.Tell(new MediaOverview([.. _status.Values.OrderBy(s => s.Name, StringComparer.Ordinal)])));
    }

    public static Props Props(MediaSettings settings) => Akka.Actor.Props.Create(() => new MediaGatewayActor(settings));
}
