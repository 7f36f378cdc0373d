using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using System.Text.Json.Serialization.Metadata;

namespace OpenTalk.Protocol.Signaling.Inbound;

public static partial class InboundJson
{
    /// <summary>
    /// Every message a client may send, as <c>{"namespaces": {namespace: {action: JSON schema of the payload}}}</c>:
    /// the document other clients (the web app) are checked against.
    /// </summary>
    public static JsonObject SchemaDocument()
    {
        var exporter = new JsonSchemaExporterOptions { TreatNullObliviousAsNonNullable = true, TransformSchemaNode = Describe };
        var namespaces = new JsonObject();
        foreach (var (ns, _) in Modules)
        {
            var actions = new JsonObject();
            foreach (var (action, type) in Actions[ns].OrderBy(a => a.Key, StringComparer.Ordinal))
                actions[action] = WithAction(action, JsonSchemaExporter.GetJsonSchemaAsNode(Options, type, exporter).AsObject());
            namespaces[ns] = actions;
        }
        return new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["namespaces"] = namespaces,
        };
    }

    private static JsonObject WithAction(string action, JsonObject schema)
    {
        var properties = new JsonObject { ["action"] = new JsonObject { ["const"] = action } };
        if (schema["properties"] is JsonObject fields)
            foreach (var (name, field) in fields.ToList())
            {
                fields.Remove(name);
                properties[name] = field;
            }
        var required = new JsonArray("action");
        if (schema["required"] is JsonArray given)
            foreach (var name in given)
                required.Add(name?.DeepClone());
        return new JsonObject { ["type"] = "object", ["properties"] = properties, ["required"] = required };
    }

    /// <summary>
    /// Fills in the fields the exporter leaves unconstrained: it cannot look into a custom converter
    /// (dotnet/runtime#105769), nor does it call this callback for every such field (dotnet/runtime#109868; here: those
    /// with a default), so each object describes its own fields. A required field, or one marked
    /// <see cref="DisallowNullAttribute"/>, loses its <c>null</c>: records type such fields nullable only so that a missing
    /// value reaches the check that refuses it with the code clients know.
    /// </summary>
    private static JsonNode Describe(JsonSchemaExporterContext context, JsonNode schema)
    {
        if (context.TypeInfo.Kind != JsonTypeInfoKind.Object || schema is not JsonObject objectSchema
            || objectSchema["properties"] is not JsonObject fields)
            return schema;
        var required = (objectSchema["required"] as JsonArray)?.Select(n => n!.GetValue<string>()).ToHashSet(StringComparer.Ordinal) ?? [];
        foreach (var property in context.TypeInfo.Properties)
        {
            var field = fields[property.Name];
            if (Known(property) is { } known)
            {
                if (field is JsonObject given && given.TryGetPropertyValue("default", out var givenDefault))
                    known["default"] = givenDefault?.DeepClone();
                fields[property.Name] = field = known;
            }
            if (field is not JsonObject described)
                continue;
            if (required.Contains(property.Name) || RefusesNull(property))
                WithoutNull(described);
            // Such a field says "none" by being left out.
            if (described.TryGetPropertyValue("default", out var none) && none is null && !AdmitsNull(described))
                described.Remove("default");
        }
        return schema;
    }

    private static bool RefusesNull(JsonPropertyInfo property) =>
        property.AttributeProvider is PropertyInfo member && new NullabilityInfoContext().Create(member).WriteState == NullabilityState.NotNull;

    private static JsonObject? Known(JsonPropertyInfo property)
    {
        var converter = property.CustomConverter?.GetType();
        var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
        if (converter == typeof(LooseString))
            return new JsonObject { ["type"] = new JsonArray("string", "null") };
        if (converter == typeof(LooseGuid))
            return new JsonObject { ["type"] = new JsonArray("string", "null"), ["format"] = "uuid" };
        if (converter == typeof(LooseBool))
            return new JsonObject { ["type"] = "boolean" };
        if (converter == typeof(LooseNullableBool))
            return new JsonObject { ["type"] = new JsonArray("boolean", "null") };
        if (converter == typeof(LooseInt))
            return new JsonObject { ["type"] = new JsonArray("integer", "null") };
        if (converter == typeof(Substream))
            return new JsonObject { ["type"] = "integer" };
        if (converter is { IsGenericType: true } && converter.GetGenericTypeDefinition() == typeof(LooseEnum<>))
            return EnumSchema(converter.GetGenericArguments()[0], nullable: true);
        if (converter is { IsGenericType: true } && converter.GetGenericTypeDefinition() == typeof(LooseArray<>))
            return new JsonObject
            {
                ["type"] = new JsonArray("array", "null"),
                ["items"] = JsonSchemaExporter.GetJsonSchemaAsNode(Options, converter.GetGenericArguments()[0]),
            };
        if (converter == typeof(OneOrManyGuids))
            return new JsonObject
            {
                ["anyOf"] = new JsonArray(
                    new JsonObject { ["type"] = "string", ["format"] = "uuid" },
                    new JsonObject { ["type"] = "array", ["items"] = new JsonObject { ["type"] = "string", ["format"] = "uuid" } },
                    new JsonObject { ["type"] = "null" }),
            };
        if (converter is null && type.IsEnum)
            return EnumSchema(type, nullable: type != property.PropertyType);
        if (type == typeof(JsonElement) && property.Name == "media_session_state")
            return MediaSessionState();
        return null;
    }

    private static JsonObject EnumSchema(Type type, bool nullable)
    {
        var names = new JsonArray();
        foreach (var name in Enum.GetNames(type))
            names.Add(WireEnumNames.Of(type, name));
        if (nullable)
            names.Add(null);
        return new JsonObject { ["enum"] = names };
    }

    /// <summary><c>{audio, video}</c>, or that under <c>video</c> (camera) or <c>screen</c>.</summary>
    private static JsonObject MediaSessionState()
    {
        JsonObject Flat() => new()
        {
            ["type"] = "object",
            ["properties"] = new JsonObject { ["audio"] = new JsonObject { ["type"] = "boolean" }, ["video"] = new JsonObject { ["type"] = "boolean" } },
            ["required"] = new JsonArray("audio", "video"),
        };
        JsonObject Nested(string session) => new()
        {
            ["type"] = "object",
            ["properties"] = new JsonObject { [session] = Flat() },
            ["required"] = new JsonArray(session),
        };
        return new JsonObject { ["anyOf"] = new JsonArray(Flat(), Nested("video"), Nested("screen")) };
    }

    private static bool AdmitsNull(JsonObject schema) => schema["type"] switch
    {
        JsonArray types => types.Any(t => t?.GetValue<string>() == "null"),
        JsonValue type => type.GetValue<string>() == "null",
        _ => schema["enum"] is not JsonArray members || members.Any(m => m is null),
    };

    private static void WithoutNull(JsonObject schema)
    {
        if (schema["type"] is JsonArray types)
        {
            var kept = types.Where(t => t?.GetValue<string>() != "null").Select(t => t!.GetValue<string>()).ToList();
            schema["type"] = kept.Count == 1 ? kept[0] : new JsonArray([.. kept.Select(t => (JsonNode)t)]);
        }
        if (schema["enum"] is JsonArray members)
            schema["enum"] = new JsonArray([.. members.Where(m => m is not null).Select(m => m!.DeepClone())]);
    }
}
