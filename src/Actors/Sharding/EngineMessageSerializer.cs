using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Serialization;
using Akka.Actor;
using Akka.Serialization;
using OpenTalk.Actors.Journal;

namespace OpenTalk.Actors.Sharding;

/// <summary>
/// System.Text.Json for messages between nodes of the same version. The manifest is the type's
/// name (these messages are never stored); actor references travel as their full paths.
/// </summary>
public sealed class EngineMessageSerializer : SerializerWithStringManifest
{
    public const int Id = 4712;
    private static readonly ConcurrentDictionary<string, Type> Types = new(StringComparer.Ordinal);
    private readonly JsonSerializerOptions _options;

    public EngineMessageSerializer(ExtendedActorSystem system) : base(system)
    {
        _options = new JsonSerializerOptions(JournalJson.Options);
        _options.Converters.Add(new ActorRefConverter(system));
        _options.Converters.Add(new ParticipantCommandConverter());
        _options.MakeReadOnly(populateMissingResolver: true);
    }

    public override int Identifier => Id;

    public override byte[] ToBinary(object obj) => JsonSerializer.SerializeToUtf8Bytes(obj, obj.GetType(), _options);

    public override object FromBinary(byte[] bytes, string manifest) =>
        JsonSerializer.Deserialize(bytes, TypeOf(manifest), _options) ?? throw new JsonException($"Null {manifest} from another node.");

    public override string Manifest(object o) => ManifestOf(o.GetType());

    private static string ManifestOf(Type type) => $"{type.FullName}, {type.Assembly.GetName().Name}";

    private static Type TypeOf(string manifest) =>
        Types.GetOrAdd(manifest, m => Type.GetType(m, throwOnError: true)!);

    /// <summary>A command held as its interface (<see cref="Meetings.NumberedCommand"/>) travels with its type's name.</summary>
    private sealed class ParticipantCommandConverter : JsonConverter<Meetings.IParticipantCommand>
    {
        public override Meetings.IParticipantCommand Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            using var document = JsonDocument.ParseValue(ref reader);
            var type = TypeOf(document.RootElement.GetProperty("type").GetString()!);
            return (Meetings.IParticipantCommand)(document.RootElement.GetProperty("value").Deserialize(type, options)
                ?? throw new JsonException($"Null {type} from another node."));
        }

        public override void Write(Utf8JsonWriter writer, Meetings.IParticipantCommand value, JsonSerializerOptions options)
        {
            writer.WriteStartObject();
            writer.WriteString("type", ManifestOf(value.GetType()));
            writer.WritePropertyName("value");
            JsonSerializer.Serialize(writer, value, value.GetType(), options);
            writer.WriteEndObject();
        }
    }

    private sealed class ActorRefConverter(ExtendedActorSystem system) : JsonConverter<IActorRef>
    {
        public override bool CanConvert(Type typeToConvert) => typeof(IActorRef).IsAssignableFrom(typeToConvert);

        public override IActorRef Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.GetString() is { } path ? system.Provider.ResolveActorRef(path) : ActorRefs.Nobody;

        public override void Write(Utf8JsonWriter writer, IActorRef value, JsonSerializerOptions options) =>
            writer.WriteStringValue(Akka.Serialization.Serialization.SerializedActorPath(value));
    }
}
