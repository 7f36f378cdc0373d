using System.Text.Json;
using System.Text.Json.Nodes;
using OpenTalk.Host.Tests.Infrastructure;
using OpenTalk.Tests.Shared;

namespace OpenTalk.Host.Tests;

/// <summary>
/// The API description clients build against is committed as <c>docs/openapi.json</c>; this test fails when the served
/// document drifts from it. After an intended API change run the tests with OPENTALK_UPDATE_OPENAPI=1 and commit the file.
/// </summary>
public sealed class OpenApiDocumentTests
{
    [Fact]
    public async Task The_served_document_matches_the_committed_one()
    {
        await using var node = await TestNode.StartAsync(postgres: null);
        using var response = await node.Anonymous().SendRawAsync(HttpMethod.Get, "v1/openapi.json", null);
        response.EnsureSuccessStatusCode();
        var served = Normalize(await response.Content.ReadAsStringAsync());
        var committedPath = Path.Combine(Repository.Root, "docs", "openapi.json");

        if (Environment.GetEnvironmentVariable("OPENTALK_UPDATE_OPENAPI") == "1")
            await File.WriteAllTextAsync(committedPath, served);

        Assert.True(File.Exists(committedPath), "docs/openapi.json is missing: run the tests once with OPENTALK_UPDATE_OPENAPI=1.");
        var committed = await File.ReadAllTextAsync(committedPath);
        Assert.True(committed == served,
            "The API changed but docs/openapi.json did not: run the tests with OPENTALK_UPDATE_OPENAPI=1, review the diff and commit it.");

        using var document = JsonDocument.Parse(served);
        var paths = document.RootElement.GetProperty("paths");
        foreach (var path in new[] { "/v1/events", "/v1/events/{eventId}/instances/{instanceId}", "/v1/rooms/{roomId}/streaming_targets" })
            Assert.True(paths.TryGetProperty(path, out _), $"{path} is described");
    }

    /// <summary>The document without what differs per run (the server's address), indented, with LF line ends.</summary>
    private static string Normalize(string json)
    {
        var node = JsonNode.Parse(json)!.AsObject();
        node.Remove("servers");
        return node.ToJsonString(new JsonSerializerOptions { WriteIndented = true }).Replace("\r\n", "\n", StringComparison.Ordinal) + "\n";
    }
}
