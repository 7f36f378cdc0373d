using System.Diagnostics;
using System.Text.Json.Nodes;

namespace OpenTalk.Collab.Tests;

/// <summary>
/// The real Yjs, run by Node from the web app's node_modules through yjs-scenarios.mjs, as the
/// reference our implementation must agree with.
/// </summary>
internal static class YjsReference
{
    public const int Seeds = 40;
    public const int Steps = 150;

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    private static readonly Lazy<JsonArray> LazyScenarios = new(() => Run(["generate", "1", $"{Seeds}", $"{Steps}"]).AsArray());
    private static readonly Lazy<JsonObject> LazyTipTap = new(() => Run(["tiptap"]).AsObject());

    /// <summary>Per seed: the updates of 2 to 4 peers editing concurrently, and what Yjs makes of them.</summary>
    public static JsonObject Scenario(int seed) => LazyScenarios.Value[seed - 1]!.AsObject();

    /// <summary>A TipTap StarterKit document as y-prosemirror stores it.</summary>
    public static JsonObject TipTap => LazyTipTap.Value;

    /// <summary>What Yjs reads from each update: fragment, map and text.</summary>
    public static JsonArray Read(IEnumerable<byte[]> updates) =>
        Run(["read"], new JsonArray([.. updates.Select(u => JsonValue.Create(Convert.ToBase64String(u)))]).ToJsonString()).AsArray();

    private static JsonNode Run(string[] args, string? input = null)
    {
        var nodeModules = Path.Combine(RepoRoot(), "src", "Web", "node_modules");
        if (!File.Exists(Path.Combine(nodeModules, "yjs", "dist", "yjs.mjs")))
            throw new InvalidOperationException($"Yjs is not installed at {nodeModules}; run npm ci in src/Web first.");
        var start = new ProcessStartInfo("node")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "yjs-scenarios.mjs"));
        start.ArgumentList.Add(nodeModules);
        foreach (var arg in args) start.ArgumentList.Add(arg);

        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException("Node.js (node) is not on the PATH; these tests run the real Yjs with it.", e);
        }
        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            process.StandardInput.Write(input ?? "");
            process.StandardInput.Close();
            if (!process.WaitForExit(Timeout))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"yjs-scenarios.mjs {string.Join(' ', args)} took longer than {Timeout}");
            }
            if (process.ExitCode != 0)
                throw new InvalidOperationException($"yjs-scenarios.mjs {string.Join(' ', args)} failed ({process.ExitCode}): {stderr.Result}");
            return JsonNode.Parse(stdout.Result) ?? throw new InvalidOperationException("yjs-scenarios.mjs printed nothing");
        }
    }

    /// <summary>The checkout these tests were built from, found by its solution file.</summary>
    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "OpenTalk.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException($"No OpenTalk.sln above {AppContext.BaseDirectory}");
    }
}
