using Akka.Actor;
using Akka.Serialization;

namespace OpenTalk.Actors.Journal;

/// <summary>Writes events and snapshots as JSON under their stable manifest (see <see cref="EventCatalog"/>).</summary>
public sealed class JournalSerializer(ExtendedActorSystem system) : SerializerWithStringManifest(system)
{
    public const int Id = 4711;

    public override int Identifier => Id;

    public override byte[] ToBinary(object obj) => JournalJson.Serialize(obj);

    public override object FromBinary(byte[] bytes, string manifest) =>
        JournalJson.Deserialize(bytes, EventCatalog.TypeOf(manifest));

    public override string Manifest(object o) => EventCatalog.ManifestOf(o.GetType());
}
