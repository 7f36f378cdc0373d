using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.Playwright;
using OpenTalk.Host.Tests.Infrastructure;
using OpenTalk.Host.Tests.Media;
using OpenTalk.Tests.Shared;

namespace OpenTalk.Host.Tests.WebE2E;

/// <summary>
/// The web app as people use it: a node serving the built app (src/Web/dist) on the media namespace's host address,
/// Janus inside the namespace, and Chromium with fake camera and microphone. Screenshots go to tests/e2e/artifacts.
/// </summary>
public sealed class WebStack : IAsyncDisposable
{
    private readonly JanusProcess _janus;
    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;

    private WebStack(JanusProcess janus, TestNode node, IPlaywright playwright, IBrowser browser, Uri origin, CoturnProcess? turn)
    {
        _janus = janus;
        Node = node;
        _playwright = playwright;
        _browser = browser;
        Origin = origin;
        Turn = turn;
    }

    public TestNode Node { get; }

    /// <summary>Where the browsers reach the node.</summary>
    public Uri Origin { get; }

    /// <summary>The TURN server of a stack behind a NAT.</summary>
    public CoturnProcess? Turn { get; }

    public JanusProcess Janus => _janus;

    public static string Dist => Path.Combine(Repository.Root, "src", "Web", "dist");

    public static string Artifacts => Path.Combine(Repository.Root, "tests", "e2e", "artifacts");

    /// <param name="behindNat">
    /// The browsers run in the client namespace, from which no route leads to Janus: they reach it only through coturn,
    /// whose credentials the node hands to them (<c>/v1/turn</c>) and to Janus (<c>/v1/turn/media-server</c>).
    /// </param>
    public static async Task<WebStack> StartAsync(bool behindNat = false)
    {
        if (!File.Exists(Path.Combine(Dist, "index.html")))
            throw new InvalidOperationException("The web app is not built: run ./test (or `npm ci && npm run build` in src/Web) first.");
        // The app signs in with a redirect to its own origin, so the port is chosen before the node starts.
        var port = FreePort();
        var origin = $"http://{(behindNat ? MediaNetwork.ClientHostAddress : MediaNetwork.HostAddress)}:{port}";
        string[] nodeArguments = [];
        CoturnProcess? turn = null;
        JanusProcess janus;
        if (behindNat)
        {
            turn = await CoturnProcess.StartAsync();
            var key = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(12));
            // Janus (inside the media namespace) asks the node on the media side; browsers use the client side.
            janus = await JanusProcess.StartAsync(new Dictionary<string, string>
            {
                ["JANUS_TURN_REST_API"] = $"http://{MediaNetwork.HostAddress}:{port}/v1/turn/media-server",
                ["JANUS_TURN_REST_API_KEY"] = key,
            });
            nodeArguments =
            [
                "--urls", $"{origin};http://{MediaNetwork.HostAddress}:{port}",
                "--Turn:TurnUris:0", $"turn:{MediaNetwork.ClientHostAddress}:{turn.Port}?transport=udp", "--Turn:TurnSecret", turn.Secret,
                "--Turn:MediaServerTurnUris:0", $"turn:{MediaNetwork.HostAddress}:{turn.Port}?transport=udp", "--Turn:MediaServerKey", key,
            ];
        }
        else
        {
            janus = await JanusProcess.StartAsync();
        }
        var node = await TestNode.StartAsync(await TestDatabase.CreateAsync(), url: new Uri(origin), extra:
        [
            "--Media:Janus:0:Name", "janus-a", "--Media:Janus:0:Url", janus.Url.ToString(), "--Media:Janus:0:ApiSecret", janus.ApiSecret,
            "--Media:KeepAliveSeconds", "1", "--Media:LoadRefreshSeconds", "1",
            "--OpenTalk:WebRoot", Dist, "--SignIn:RedirectUris:0", $"{origin}/auth/callback",
            .. nodeArguments,
        ]);
        var playwright = await Playwright.CreateAsync();
        var browser = await TestBrowser.LaunchAsync(playwright, origin, behindNat ? MediaNetwork.ClientNamespace : null);
        var stack = new WebStack(janus, node, playwright, browser, new Uri(origin), turn);
        await TestBrowser.WaitForMediaAsync(node);
        Directory.CreateDirectory(Artifacts);
        return stack;
    }

    /// <summary>A new browser window (its own cookies and storage), in English.</summary>
    public async Task<IPage> OpenAsync(string path = "/")
    {
        var context = await _browser.NewContextAsync(new BrowserNewContextOptions
        {
            Permissions = ["local-network-access", "camera", "microphone"], Locale = "en-US",
            ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(Origin, path).ToString());
        return page;
    }

    /// <summary>Frames decoded so far of the camera of <paramref name="name"/> as this page shows it (0 until one arrives).</summary>
    public static Task<int> CameraFramesAsync(IPage page, string name) => FramesAsync(page, $"figure[data-kind=\"video\"] video[aria-label=\"{name}\"]");

    /// <summary>Frames decoded so far of a shared screen (<c>Screen of …</c>) as this page shows it.</summary>
    public static Task<int> ScreenFramesAsync(IPage page, string label) => FramesAsync(page, $"figure[data-kind=\"screen\"] video[aria-label=\"{label}\"]");

    private static Task<int> FramesAsync(IPage page, string selector) => page.EvaluateAsync<int>(
        "selector => { const v = document.querySelector(selector); return v && v.videoWidth > 0 ? v.getVideoPlaybackQuality().totalVideoFrames : 0; }",
        selector);

    public static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Artifacts, name + ".png") });

    /// <summary>
    /// axe-core's WCAG 2 A/AA rules on the page as it is now; returns the violations as "rule: target" lines.
    /// </summary>
    public static async Task<IReadOnlyList<string>> AccessibilityViolationsAsync(IPage page)
    {
        var axe = Path.Combine(Repository.Root, "src", "Web", "node_modules", "axe-core", "axe.min.js");
        if (!File.Exists(axe))
            throw new InvalidOperationException("axe-core is missing: run `npm ci` in src/Web.");
        // Evaluated through the browser's debugging protocol rather than added as a <script>: the app's
        // Content-Security-Policy (script-src 'self') rightly refuses inline scripts, and the test runs under it.
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe === 'object'"))
            await page.EvaluateAsync(await File.ReadAllTextAsync(axe));
        var json = await page.EvaluateAsync<string>(
            "() => axe.run(document, { runOnly: ['wcag2a', 'wcag2aa'] }).then(r => JSON.stringify(r.violations.map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).join(', '))))");
        return JsonSerializer.Deserialize<List<string>>(json) ?? [];
    }

    /// <summary>
    /// Resets every TCP connection from the browsers to the node (inside the media namespace), as a dropped network
    /// would; the node and Janus keep running, and media (UDP) is not touched.
    /// </summary>
    public async Task DropBrowserConnectionsAsync()
    {
        var reset = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("ip",
            ["netns", "exec", MediaNetwork.Namespace, "ss", "-tnK", "dst", MediaNetwork.HostAddress, "dport", "=", $":{Node.BaseUri.Port}"])
        {
            RedirectStandardOutput = true, RedirectStandardError = true,
        })!;
        await reset.WaitForExitAsync();
        if (reset.ExitCode != 0)
            throw new InvalidOperationException("ss -K failed: " + await reset.StandardError.ReadToEndAsync());
    }

    /// <summary>A port free on the media side (and, for a stack behind a NAT, on the client side too).</summary>
    private static int FreePort()
    {
        while (true)
        {
            using var probe = new TcpListener(IPAddress.Parse(MediaNetwork.HostAddress), 0);
            probe.Start();
            var port = ((IPEndPoint)probe.LocalEndpoint).Port;
            try
            {
                using var client = new TcpListener(IPAddress.Parse(MediaNetwork.ClientHostAddress), port);
                client.Start();
                return port;
            }
            catch (SocketException)
            {
                // taken on the client side: another one
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
        await Node.DisposeAsync();
        await _janus.DisposeAsync();
        if (Turn is not null)
            await Turn.DisposeAsync();
    }
}
