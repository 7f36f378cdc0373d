using System.Diagnostics;

namespace OpenTalk.Host.Tests.Collab;

/// <summary>Yjs updates as the browsers' editor makes them: the real Yjs, run by Node from the web app's node_modules.</summary>
internal static class YjsEdits
{
    /// <summary>A paragraph with <paramref name="text"/> added to the notes (the fragment TipTap edits) by Yjs client <paramref name="client"/>.</summary>
    public static byte[] Paragraph(string text, int client) => Run($$"""
        const doc = new Y.Doc(); doc.clientID = {{client}};
        const paragraph = new Y.XmlElement('paragraph');
        paragraph.insert(0, [new Y.XmlText({{System.Text.Json.JsonSerializer.Serialize(text)}})]);
        doc.getXmlFragment('default').insert(0, [paragraph]);
        out(Y.encodeStateAsUpdate(doc));
        """);

    /// <summary>A rectangle on the whiteboard (an Excalidraw element in the map <c>elements</c>).</summary>
    public static byte[] Rectangle(string id, int client) => Run($$"""
        const doc = new Y.Doc(); doc.clientID = {{client}};
        doc.getMap('elements').set('{{id}}', { id: '{{id}}', type: 'rectangle', x: 10, y: 20, width: 200, height: 100, version: 1,
          strokeColor: '#1e1e1e', backgroundColor: 'transparent', strokeWidth: 2, isDeleted: false, index: 'a0' });
        out(Y.encodeStateAsUpdate(doc));
        """);

    /// <summary>Whatever a browser might put on the whiteboard: <paramref name="json"/> as the element <paramref name="id"/>.</summary>
    public static byte[] Element(string id, string json, int client) => Run($$"""
        const doc = new Y.Doc(); doc.clientID = {{client}};
        doc.getMap('elements').set('{{id}}', {{json}});
        out(Y.encodeStateAsUpdate(doc));
        """);

    private static byte[] Run(string body)
    {
        var yjs = Path.Combine(RepoRoot(), "src", "Web", "node_modules", "yjs", "dist", "yjs.mjs");
        if (!File.Exists(yjs))
            throw new InvalidOperationException($"Yjs is not installed at {yjs}; run npm ci in src/Web first.");
        var script = $"import * as Y from '{new Uri(yjs).AbsoluteUri}';\nconst out = u => process.stdout.write(Buffer.from(u).toString('base64'));\n{body}";
        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "--input-type=module", "-e", script })
            start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(30)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("node did not make the Yjs update in time");
        }
        return process.ExitCode == 0 ? Convert.FromBase64String(stdout.Result)
            : throw new InvalidOperationException($"node failed ({process.ExitCode}): {stderr.Result}");
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "OpenTalk.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException($"No OpenTalk.sln above {AppContext.BaseDirectory}");
    }
}
