using System.Collections.Frozen;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace OpenTalk.Protocol.Signaling.Inbound;

// Signaling has always forgiven some mistakes in some fields (a number where an optional text belongs reads as no
// text) and not in others, and clients rely on both. So each forgiving rule is a converter, named on the fields that
// follow it, and a field without one is read strictly. Every converter writes the plain value back, so a record
// serializes to what a well-behaved client sends.

/// <summary>An optional text: anything but a readable string (a lone UTF-16 surrogate is not) reads as absent.</summary>
public sealed class LooseString : JsonConverter<string?>
{
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Loose.Text(ref reader);

    public override void Write(Utf8JsonWriter writer, string? value, JsonSerializerOptions options) => Loose.Write(writer, value);
}

/// <summary>An id in any format <see cref="Guid.TryParse(string?, out Guid)"/> reads (<c>N</c>, braces); anything else reads as absent.</summary>
public sealed class LooseGuid : JsonConverter<Guid?>
{
    public override Guid? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Guid.TryParse(Loose.Text(ref reader), out var id) ? id : null;

    public override void Write(Utf8JsonWriter writer, Guid? value, JsonSerializerOptions options) => Loose.Write(writer, value?.ToString());
}

/// <summary>A flag that is on only when given as <c>true</c>: <c>null</c>, <c>"true"</c> or <c>1</c> leave it off.</summary>
public sealed class LooseBool : JsonConverter<bool>
{
    public override bool HandleNull => true;

    public override bool Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var on = reader.TokenType == JsonTokenType.True;
        reader.Skip();
        return on;
    }

    public override void Write(Utf8JsonWriter writer, bool value, JsonSerializerOptions options) => writer.WriteBooleanValue(value);
}

/// <summary>A boolean where anything else means "not given".</summary>
public sealed class LooseNullableBool : JsonConverter<bool?>
{
    public override bool? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        bool? value = reader.TokenType switch
        {
            JsonTokenType.True => true,
            JsonTokenType.False => false,
            _ => null,
        };
        reader.Skip();
        return value;
    }

    public override void Write(Utf8JsonWriter writer, bool? value, JsonSerializerOptions options) => Loose.Write(writer, value);
}

/// <summary>An Int32 number, else absent (<c>"1"</c>, <c>1.5</c>, <c>1e10</c>).</summary>
public sealed class LooseInt : JsonConverter<int?>
{
    public override int? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        int? value = reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var number) ? number : null;
        reader.Skip();
        return value;
    }

    public override void Write(Utf8JsonWriter writer, int? value, JsonSerializerOptions options) => Loose.Write(writer, value);
}

/// <summary>
/// An enum member by its exact snake_case name; a value that is not a readable string reads as absent, while a string
/// that names no member is refused (so an optional field with a default takes the default for <c>5</c> but not for <c>"x"</c>).
/// </summary>
public sealed class LooseEnum<T> : JsonConverter<T?>
    where T : struct, Enum
{
    public override T? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Loose.Text(ref reader) is { } name ? WireEnum<T>.Parse(name) : null;

    public override void Write(Utf8JsonWriter writer, T? value, JsonSerializerOptions options) =>
        Loose.Write(writer, value is { } member ? WireEnum<T>.Names[member] : null);
}

/// <summary>An array read strictly, item by item; anything but an array reads as absent (a fallback field then counts).</summary>
public sealed class LooseArray<T> : JsonConverter<IReadOnlyList<T>?>
{
    public override IReadOnlyList<T>? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.StartArray)
            return JsonSerializer.Deserialize<List<T>>(ref reader, options);
        reader.Skip();
        return null;
    }

    public override void Write(Utf8JsonWriter writer, IReadOnlyList<T>? value, JsonSerializerOptions options) =>
        JsonSerializer.Serialize(writer, value, options);
}

/// <summary>
/// Participants named one by one or as a list (OpenTalk's <c>one_or_many</c>): a single id reads as a list of one, and a
/// list of one is written back as the single id. Anything else is refused.
/// </summary>
public sealed class OneOrManyGuids : JsonConverter<IReadOnlyList<Guid>?>
{
    public override IReadOnlyList<Guid>? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType switch
        {
            JsonTokenType.String => [reader.GetGuid()],
            JsonTokenType.StartArray => JsonSerializer.Deserialize<List<Guid>>(ref reader, options),
            _ => throw new JsonException("A participant id, or a list of them."),
        };

    public override void Write(Utf8JsonWriter writer, IReadOnlyList<Guid>? value, JsonSerializerOptions options)
    {
        if (value is [var one])
            writer.WriteStringValue(one);
        else
            JsonSerializer.Serialize(writer, value, options);
    }
}

/// <summary>
/// A simulcast layer: a number that is no Int32 reads as absent, as a number out of range does later, but a value of
/// any other kind, <c>null</c> included, is refused. Give the property <c>JsonIgnoreCondition.WhenWritingNull</c>, as the
/// <c>null</c> it would write reads back as an error.
/// </summary>
public sealed class Substream : JsonConverter<int?>
{
    public override bool HandleNull => true;

    public override int? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.Number
            ? reader.TryGetInt32(out var layer) ? layer : null
            : throw new JsonException($"A substream is a number, not {reader.TokenType}.");

    public override void Write(Utf8JsonWriter writer, int? value, JsonSerializerOptions options) => Loose.Write(writer, value);
}

/// <summary>
/// Enums by their exact snake_case names, and nothing else: <see cref="JsonStringEnumConverter"/> also reads other
/// letter cases and numbers, which clients have always been refused.
/// </summary>
public sealed class WireEnumConverterFactory : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) => typeToConvert.IsEnum;

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(WireEnumConverter<>).MakeGenericType(typeToConvert))!;

    private sealed class WireEnumConverter<T> : JsonConverter<T>
        where T : struct, Enum
    {
        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.String
                ? WireEnum<T>.Parse(reader.GetString()!)
                : throw new JsonException($"{typeof(T).Name} is a string, not {reader.TokenType}.");

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
            writer.WriteStringValue(WireEnum<T>.Names[value]);
    }
}

/// <summary>The names of an enum's members as the wire spells them: snake_case, unless a member names itself (<see cref="JsonStringEnumMemberNameAttribute"/>).</summary>
internal static class WireEnum<T>
    where T : struct, Enum
{
    public static FrozenDictionary<T, string> Names { get; } =
        Enum.GetValues<T>().ToFrozenDictionary(v => v, v => WireEnumNames.Of(typeof(T), v.ToString()));

    // A member that names itself is also read by its snake_case name, which clients may have sent before it did
    // (a tab opened before an upgrade still sends "coffee_break").
    private static readonly FrozenDictionary<string, T> Members = Names
        .Select(p => (Name: p.Value, Member: p.Key))
        .Concat(Enum.GetValues<T>().Select(v => (Name: JsonNamingPolicy.SnakeCaseLower.ConvertName(v.ToString()), Member: v)))
        .DistinctBy(p => p.Name)
        .ToFrozenDictionary(p => p.Name, p => p.Member, StringComparer.Ordinal);

    public static T Parse(string name) =>
        Members.TryGetValue(name, out var member) ? member : throw new JsonException($"\"{name}\" is no {typeof(T).Name}.");
}

internal static class WireEnumNames
{
    public static string Of(Type enumType, string member) =>
        enumType.GetField(member)?.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name
        ?? JsonNamingPolicy.SnakeCaseLower.ConvertName(member);
}

internal static class Loose
{
    public static string? Text(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            reader.Skip();
            return null;
        }
        try
        {
            return reader.GetString();
        }
        catch (InvalidOperationException)
        {
            // A lone surrogate ("\ud800") is valid JSON but no .NET string.
            return null;
        }
    }

    public static void Write(Utf8JsonWriter writer, string? value)
    {
        if (value is null)
            writer.WriteNullValue();
        else
            writer.WriteStringValue(value);
    }

    public static void Write(Utf8JsonWriter writer, bool? value)
    {
        if (value is { } flag)
            writer.WriteBooleanValue(flag);
        else
            writer.WriteNullValue();
    }

    public static void Write(Utf8JsonWriter writer, int? value)
    {
        if (value is { } number)
            writer.WriteNumberValue(number);
        else
            writer.WriteNullValue();
    }
}
