using System.Reflection;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using OpenTalk.Actors.Journal;

namespace OpenTalk.Actors.Tests.JournalContract;

/// <summary>
/// What the journal stores belongs to the journal: every stored field is named explicitly (so renaming a C# member
/// cannot change the JSON), and no stored value has a type of the wire protocol (so changing the protocol cannot
/// change the journal). Notifications map journal types to wire types.
/// </summary>
public sealed class JournalShapeTests
{
    [Fact]
    public void Every_stored_field_is_named_explicitly_and_no_stored_type_comes_from_the_protocol()
    {
        var unnamed = new SortedSet<string>(StringComparer.Ordinal);
        var fromProtocol = new SortedSet<string>(StringComparer.Ordinal);
        var seen = new HashSet<Type>();
        foreach (var type in EventCatalog.Types)
            Walk(type, seen, unnamed, fromProtocol);

        Assert.True(fromProtocol.Count == 0 && unnamed.Count == 0,
            "Stored types from OpenTalk.Protocol: " + string.Join(", ", fromProtocol) + ". Stored fields without [JsonPropertyName]: " + string.Join(", ", unnamed));
    }

    private static void Walk(Type type, HashSet<Type> seen, SortedSet<string> unnamed, SortedSet<string> fromProtocol)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (!seen.Add(type) || type.IsPrimitive || type == typeof(string) || type == typeof(Guid) || type == typeof(DateTimeOffset)
            || type == typeof(TimeSpan) || type == typeof(decimal) || type == typeof(DateOnly) || type == typeof(TimeOnly) || type == typeof(DateTime))
            return;
        if (type.Namespace?.StartsWith("OpenTalk.Protocol", StringComparison.Ordinal) == true)
            fromProtocol.Add(type.FullName!);
        if (type.IsEnum)
            return;
        var info = JournalJson.Options.GetTypeInfo(type);
        switch (info.Kind)
        {
            case JsonTypeInfoKind.Enumerable:
                Walk(info.ElementType!, seen, unnamed, fromProtocol);
                break;
            case JsonTypeInfoKind.Dictionary:
                Walk(info.KeyType!, seen, unnamed, fromProtocol);
                Walk(info.ElementType!, seen, unnamed, fromProtocol);
                break;
            case JsonTypeInfoKind.Object:
                foreach (var property in info.Properties)
                {
                    if (property.AttributeProvider is MemberInfo member && member.GetCustomAttribute<JsonPropertyNameAttribute>() is null)
                        unnamed.Add($"{type.Name}.{member.Name}");
                    Walk(property.PropertyType, seen, unnamed, fromProtocol);
                }
                break;
        }
    }
}
