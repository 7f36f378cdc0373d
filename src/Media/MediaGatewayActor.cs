using Akka.Actor;

namespace OpenTalk.Media;

/// <summary>
/// The node's door to the Janus instances: one <see cref="JanusInstanceActor"/> per configured instance, and the
/// choice of instance for a new publisher (the least loaded one that is up). Subscribers use the publisher's instance.
/// </summary>
public sealed class MediaGatewayActor : ReceiveActor
{
    private readonly Dictionary<string, IActorRef> _instances = new(StringComparer.Ordinal);
    private readonly PublisherPlacement _placement;

    /// <param name="health">Where the instances' health and load are published for metrics, if anywhere.</param>
    public MediaGatewayActor(MediaSettings settings, MediaHealth? health = null)
    {
        _placement = new PublisherPlacement(settings.Janus.Select(i => i.Name));
        foreach (var instance in settings.Janus)
            _instances[instance.Name] = Context.ActorOf(JanusInstanceActor.Props(instance, settings), Uri.EscapeDataString(instance.Name));
        health?.Set(_placement.Instances);
        Receive<MediaServerStatus>(status =>
        {
            _placement.Report(status);
            health?.Set(_placement.Instances);
        });
        Receive<PickPublisherInstance>(_ => Sender.Tell(_placement.Pick() is { } name
            ? new InstanceFound(name, _instances[name])
            : new InstanceFound(null, null)));
        Receive<FindInstance>(f => Sender.Tell(_instances.TryGetValue(f.Name, out var instance) && _placement.IsUp(f.Name)
            ? new InstanceFound(f.Name, instance)
            : new InstanceFound(null, null)));
        Receive<GetMediaOverview>(_ => Sender.Tell(new MediaOverview([.. _placement.Instances])));
    }

    public static Props Props(MediaSettings settings, MediaHealth? health = null) =>
        Akka.Actor.Props.Create(() => new MediaGatewayActor(settings, health));
}
