using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using OpenTalk.Actors.Journal;

namespace OpenTalk.Actors.Tests.JournalContract;

/// <summary>
/// A full JSON value of a journal type, every member present and not null, built from the serializer's own
/// metadata: what a new manifest's first stored sample looks like.
/// </summary>
public static class SampleJson
{
    private static readonly DateTimeOffset At = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);

    public static string For(Type type)
    {
        var counter = 0;
        var json = Build(type, ref counter, depth: 0)!.ToJsonString();
        // Through the type and back: the stored sample is exactly what the journal would write.
        return System.Text.Encoding.UTF8.GetString(JournalJson.Serialize(JournalJson.Deserialize(System.Text.Encoding.UTF8.GetBytes(json), type)));
    }

    private static JsonNode? Build(Type type, ref int counter, int depth)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (Primitive(type, ref counter) is { } primitive)
            return primitive;
        if (type.IsEnum)
            return JsonSerializer.SerializeToNode(Enum.GetValues(type).Cast<object>().Last(), type, JournalJson.Options);
        var info = JournalJson.Options.GetTypeInfo(type);
        switch (info.Kind)
        {
            case JsonTypeInfoKind.Enumerable:
                return depth > 6 ? new JsonArray() : new JsonArray(Build(info.ElementType!, ref counter, depth + 1));
            case JsonTypeInfoKind.Dictionary:
                var key = Build(info.KeyType!, ref counter, depth + 1)!.ToString();
                return depth > 6 ? new JsonObject() : new JsonObject { [key] = Build(info.ElementType!, ref counter, depth + 1) };
            case JsonTypeInfoKind.Object:
                var value = new JsonObject();
                foreach (var property in info.Properties)
                    value[property.Name] = depth > 6 ? null : Build(property.PropertyType, ref counter, depth + 1);
                return value;
            default:
                throw new NotSupportedException($"No sample value for {type.Name}: teach {nameof(SampleJson)} this type.");
        }
    }

    private static JsonNode? Primitive(Type type, ref int counter)
    {
        counter++;
        return type switch
        {
            _ when type == typeof(string) => $"text {counter}",
            _ when type == typeof(Guid) => new Guid($"00000000-0000-4000-8000-{counter:D12}").ToString(),
            _ when type == typeof(DateTimeOffset) => JsonValue.Create(At.AddMinutes(counter)),
            _ when type == typeof(DateTime) => JsonValue.Create(At.UtcDateTime.AddMinutes(counter)),
            _ when type == typeof(TimeSpan) => TimeSpan.FromSeconds(counter).ToString("c", System.Globalization.CultureInfo.InvariantCulture),
            _ when type == typeof(bool) => true,
            _ when type == typeof(int) || type == typeof(long) || type == typeof(short) => counter,
            _ when type == typeof(double) || type == typeof(decimal) || type == typeof(float) => counter + 0.5,
            _ when type == typeof(JsonElement) => new JsonObject(),
            // A Yjs update with nothing in it (no structs, no deletions), as the journal writes bytes: base64.
            _ when type == typeof(byte[]) => Convert.ToBase64String([0, 0]),
            _ => null,
        };
    }
}
