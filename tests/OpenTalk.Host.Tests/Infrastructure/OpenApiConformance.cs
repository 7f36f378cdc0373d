using System.Text.Json;
using OpenTalk.Tests.Shared;

namespace OpenTalk.Host.Tests.Infrastructure;

/// <summary>
/// Checks every answer the REST tests get against the committed OpenAPI document: the path and method
/// are documented, the status code is listed, and the body has the documented shape (required members
/// present, types right, no undocumented members). A mismatch fails the call that saw it, so the
/// document and the answers cannot drift apart in either direction.
/// </summary>
public sealed class OpenApiConformance(HttpMessageHandler inner) : DelegatingHandler(inner)
{
    private static readonly Lazy<JsonDocument> Document = new(() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(Repository.Root, "docs", "openapi.json"))));

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        var path = request.RequestUri!.AbsolutePath;
        if (!path.StartsWith("/v1/", StringComparison.Ordinal) || path == "/v1/openapi.json")
            return response; // sign-in (OpenID Connect) and the web app are not part of the REST document
        await response.Content.LoadIntoBufferAsync(cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        var problems = Check(request.Method.Method, path, (int)response.StatusCode, response.Content.Headers.ContentType?.MediaType, body);
        if (problems.Count > 0)
            throw new InvalidOperationException(
                $"{request.Method} {path} answered {(int)response.StatusCode} unlike docs/openapi.json:\n  {string.Join("\n  ", problems)}\nBody: {body}");
        return response;
    }

    public static List<string> Check(string method, string path, int status, string? mediaType, string body)
    {
        var errors = new List<string>();
        var root = Document.Value.RootElement;
        if (Template(root.GetProperty("paths"), path) is not { } template)
        {
            // A path nobody documented is answered "not found" as a problem like any other.
            if (status != 404)
                return ["the path is not documented"];
            Validate(root, JsonDocument.Parse(body).RootElement, ProblemSchema(root), "$", errors);
            return errors;
        }
        if (!root.GetProperty("paths").GetProperty(template).TryGetProperty(method.ToLowerInvariant(), out var operation))
            return [$"{method} is not documented for {template}"];
        var responses = operation.GetProperty("responses");
        if (!responses.TryGetProperty(status.ToString(System.Globalization.CultureInfo.InvariantCulture), out var documented)
            && !responses.TryGetProperty("default", out documented))
            return [$"status {status} is not documented for {method} {template}"];
        var hasBody = !string.IsNullOrWhiteSpace(body);
        if (!documented.TryGetProperty("content", out var content))
        {
            if (hasBody)
                errors.Add($"a body is sent where none is documented ({mediaType})");
            return errors;
        }
        if (!hasBody)
            return ["no body, but one is documented"];
        if (mediaType is null || !content.TryGetProperty(mediaType, out var media))
            return [$"content type {mediaType} is not documented"];
        if (media.TryGetProperty("schema", out var schema) && mediaType.EndsWith("json", StringComparison.Ordinal))
        {
            using var json = JsonDocument.Parse(body);
            Validate(root, json.RootElement, schema, "$", errors);
        }
        return errors;
    }

    private static JsonElement ProblemSchema(JsonElement root) => root.GetProperty("components").GetProperty("schemas").GetProperty("ProblemDetails");

    /// <summary>The documented path template for a concrete path; literal segments win over parameters.</summary>
    private static string? Template(JsonElement paths, string path)
    {
        var segments = path.TrimEnd('/').Split('/');
        return paths.EnumerateObject().Select(p => p.Name)
            .Where(t => t.Split('/') is var parts && parts.Length == segments.Length
                && parts.Zip(segments).All(x => x.Item1.StartsWith('{') || x.Item1 == x.Item2))
            .OrderByDescending(t => t.Split('/').Count(s => !s.StartsWith('{')))
            .FirstOrDefault();
    }

    private static void Validate(JsonElement root, JsonElement value, JsonElement schema, string at, List<string> errors)
    {
        if (schema.TryGetProperty("$ref", out var reference))
        {
            var name = reference.GetString()!.Split('/')[^1];
            Validate(root, value, root.GetProperty("components").GetProperty("schemas").GetProperty(name), at, errors);
            return;
        }
        foreach (var combinator in new[] { "oneOf", "anyOf" })
        {
            if (!schema.TryGetProperty(combinator, out var options))
                continue;
            var fits = options.EnumerateArray().Any(option =>
            {
                var tried = new List<string>();
                Validate(root, value, option, at, tried);
                return tried.Count == 0;
            });
            if (!fits)
                errors.Add($"{at}: matches none of the {combinator} shapes");
            return;
        }
        if (schema.TryGetProperty("allOf", out var all))
            foreach (var part in all.EnumerateArray())
                Validate(root, value, part, at, errors);
        if (schema.TryGetProperty("type", out var type) && !KindFits(value, type))
        {
            errors.Add($"{at}: {value.ValueKind} where the document says {type}");
            return;
        }
        if (schema.TryGetProperty("enum", out var values) && !values.EnumerateArray().Any(v => v.ToString() == value.ToString()))
            errors.Add($"{at}: {value} is not one of {values}");
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                ValidateObject(root, value, schema, at, errors);
                break;
            case JsonValueKind.Array when schema.TryGetProperty("items", out var items):
                var i = 0;
                foreach (var item in value.EnumerateArray())
                    Validate(root, item, items, $"{at}[{i++}]", errors);
                break;
        }
    }

    private static void ValidateObject(JsonElement root, JsonElement value, JsonElement schema, string at, List<string> errors)
    {
        if (schema.TryGetProperty("required", out var required))
            foreach (var name in required.EnumerateArray().Select(r => r.GetString()!))
                if (!value.TryGetProperty(name, out _))
                    errors.Add($"{at}.{name}: required, but missing");
        var properties = schema.TryGetProperty("properties", out var p) ? p : default;
        var additional = schema.TryGetProperty("additionalProperties", out var a) ? a : default;
        foreach (var member in value.EnumerateObject())
        {
            if (properties.ValueKind == JsonValueKind.Object && properties.TryGetProperty(member.Name, out var memberSchema))
                Validate(root, member.Value, memberSchema, $"{at}.{member.Name}", errors);
            else if (additional.ValueKind == JsonValueKind.Object)
                Validate(root, member.Value, additional, $"{at}.{member.Name}", errors);
            else if (additional.ValueKind != JsonValueKind.True && properties.ValueKind == JsonValueKind.Object)
                errors.Add($"{at}.{member.Name}: not in the document");
        }
    }

    private static bool KindFits(JsonElement value, JsonElement type) => type.ValueKind == JsonValueKind.Array
        ? type.EnumerateArray().Any(t => KindFits(value, t.GetString()!))
        : KindFits(value, type.GetString()!);

    private static bool KindFits(JsonElement value, string type) => type switch
    {
        "null" => value.ValueKind == JsonValueKind.Null,
        "string" => value.ValueKind == JsonValueKind.String,
        "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
        "integer" => value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out _),
        "number" => value.ValueKind == JsonValueKind.Number,
        "array" => value.ValueKind == JsonValueKind.Array,
        "object" => value.ValueKind == JsonValueKind.Object,
        _ => true,
    };
}
