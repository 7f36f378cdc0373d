using System.Text.Json;
using System.Text.Json.Serialization;

namespace OpenTalk.Actors.Journal;

/// <summary>
/// JSON for the journal: snake_case, enums as names, no indentation. Deterministic for a given
/// value, which the hash chain relies on.
/// </summary>
public static class JournalJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            DefaultIgnoreCondition = JsonIgnoreCondition.Never,
            WriteIndented = false,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    public static byte[] Serialize(object value) => JsonSerializer.SerializeToUtf8Bytes(value, value.GetType(), Options);

    public static object Deserialize(ReadOnlySpan<byte> json, Type type) =>
        JsonSerializer.Deserialize(json, type, Options)
        ?? throw new JsonException($"The journal holds null for a {type.Name}.");
}
