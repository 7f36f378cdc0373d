using System.Text.Json;
using Microsoft.Playwright;
using OpenTalk.Client;
using OpenTalk.Host.Tests.Infrastructure;
using OpenTalk.Protocol.Rest;
using OpenTalk.Tests.Shared;

namespace OpenTalk.Host.Tests.Media;

/// <summary>
/// A meeting with real media: Janus instances and Chromium inside the media namespace, an OpenTalk node listening on
/// the namespace's host side (10.77.0.1), and browser pages running <c>harness.html</c>, one per participant.
/// </summary>
public sealed class MediaRoom : IAsyncDisposable
{
    private readonly List<JanusProcess> _janus;
    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;

    private MediaRoom(List<JanusProcess> janus, TestNode node, IPlaywright playwright, IBrowser browser, OpenTalkApi owner, Guid room)
    {
        _janus = janus;
        Node = node;
        _playwright = playwright;
        _browser = browser;
        Owner = owner;
        Room = room;
    }

    public TestNode Node { get; }

    public OpenTalkApi Owner { get; }

    public Guid Room { get; }

    public IReadOnlyList<JanusProcess> Janus => _janus;

    /// <param name="nodeSettings">More of the node's settings (<c>--Section:Key value</c>), after the media room's own.</param>
    public static async Task<MediaRoom> StartAsync(int janusInstances = 1, IEnumerable<string>? nodeSettings = null)
    {
        var janus = new List<JanusProcess>();
        for (var i = 0; i < janusInstances; i++)
            janus.Add(await JanusProcess.StartAsync());
        var settings = janus.SelectMany((j, i) => new[]
        {
            $"--Media:Janus:{i}:Name", $"janus-{(char)('a' + i)}", $"--Media:Janus:{i}:Url", j.Url.ToString(), $"--Media:Janus:{i}:ApiSecret", j.ApiSecret,
        }).Concat(["--Media:KeepAliveSeconds", "1", "--Media:RequestTimeoutSeconds", "5", "--Media:LoadRefreshSeconds", "1",
            // Chromium's fake microphone beeps briefly each second: count a short, quiet beep as talking.
            "--Media:TalkingLevel", "90", "--Media:TalkingPackets", "10"]).Concat(nodeSettings ?? []).ToArray();
        var node = await TestNode.StartAsync(await TestDatabase.CreateAsync(), url: new Uri($"http://{MediaNetwork.HostAddress}:0"), extra: settings);
        var playwright = await Playwright.CreateAsync();
        var browser = await TestBrowser.LaunchAsync(playwright, node.BaseUri.GetLeftPart(UriPartial.Authority));
        var owner = await node.NewUserAsync("olga");
        var room = (await owner.CreateRoomAsync(new CreateRoomRequest(null))).Id;
        await TestBrowser.WaitForMediaAsync(node);
        return new MediaRoom(janus, node, playwright, browser, owner, room);
    }

    /// <summary>Olga (the owner: a moderator) and Uma join; Uma publishes her camera and microphone, and Olga receives them until <paramref name="received"/> holds.</summary>
    public async Task<(BrowserParticipant Olga, BrowserParticipant Uma, string Key)> OlgaReceivesUmaAsync(Func<ReceivedMedia, bool> received)
    {
        var olga = await JoinAsync("Olga");
        var uma = await JoinAsync("Uma");
        await uma.PublishAsync("video");
        var key = BrowserParticipant.Key(uma, "video");
        await Poll.UntilAsync(olga.StatsAsync, s => s.TryGetValue(key, out var m) && received(m), 60);
        return (olga, uma, key);
    }

    /// <summary>A participant in a browser page: signed in as a new user, joined, with the harness loaded.</summary>
    public async Task<BrowserParticipant> JoinAsync(string name, OpenTalkApi? api = null)
    {
        api ??= name == "Olga" ? Owner : await Node.NewUserAsync(name.ToLowerInvariant());
        var ticket = await api.StartAsync(Room);
        // Chromium asks before a page talks to a private address (the node, 10.77.0.1): the test grants it, as a user would.
        var context = await _browser.NewContextAsync(new BrowserNewContextOptions { Permissions = ["local-network-access", "camera", "microphone"] });
        var page = await context.NewPageAsync();
        // The harness page is given the node's origin (as the web app will have), without the node serving it.
        var harness = new Uri(Node.BaseUri, "test/harness.html").ToString();
        await page.RouteAsync(harness, route => route.FulfillAsync(new RouteFulfillOptions
        {
            ContentType = "text/html", Path = Path.Combine(AppContext.BaseDirectory, "Media", "harness.html"),
        }));
        var console = new List<string>();
        page.Console += (_, message) => console.Add(message.Text);
        await page.GotoAsync(harness);
        var url = $"ws://{Node.BaseUri.Authority}/signaling";
        try
        {
            var id = await page.EvaluateAsync<string>("([url, ticket, name]) => ot.connect(url, ticket, name)", new object[] { url, ticket.Ticket, name });
            return new BrowserParticipant(page, Guid.Parse(id), name);
        }
        catch (PlaywrightException e)
        {
            await Task.Delay(500); // console events arrive after the failure
            throw new InvalidOperationException($"{name} could not join: {e.Message}; browser console: {string.Join(" | ", console)}", e);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
        await Node.DisposeAsync();
        foreach (var janus in _janus)
            await janus.DisposeAsync();
    }
}

/// <summary>One browser page in the meeting.</summary>
public sealed record BrowserParticipant(IPage Page, Guid Id, string Name)
{
    public Task PublishAsync(string type) => Page.EvaluateAsync("type => ot.publish(type)", type);

    /// <summary>Connects this participant's microphone to a whisper group (and receives the group's mix).</summary>
    public Task WhisperAsync(Guid group) => Page.EvaluateAsync("id => ot.publish('whisper', id)", group.ToString());

    /// <summary>Restarts ICE on the subscription to <paramref name="source"/>'s session, answering on the same PeerConnection.</summary>
    public Task ResubscribeAsync(BrowserParticipant source, string type) =>
        Page.EvaluateAsync("([id, type]) => ot.resubscribe(id, type)", new object[] { source.Id.ToString(), type });

    /// <summary>Restarts ICE on this participant's publication, offering again from the same PeerConnection.</summary>
    public Task RestartPublicationAsync(string type) => Page.EvaluateAsync("type => ot.restartPublish(type)", type);

    /// <summary>Sends a signaling command from the page.</summary>
    public Task SendAsync(string ns, object payload) => Page.EvaluateAsync("([ns, payload]) => ot.send(ns, payload)", new object[] { ns, payload });

    /// <summary>What this page receives: frames decoded and audio energy per "participant/type".</summary>
    public async Task<Dictionary<string, ReceivedMedia>> StatsAsync()
    {
        using var document = JsonDocument.Parse(await Page.EvaluateAsync<string>("() => ot.stats().then(JSON.stringify)"));
        return document.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => new ReceivedMedia(
            p.Value.GetProperty("framesDecoded").GetInt64(), p.Value.GetProperty("audioEnergy").GetDouble(), p.Value.GetProperty("state").GetString()!,
            p.Value.GetProperty("frameWidth").GetInt32()));
    }

    /// <summary>Signaling messages this page received, in order.</summary>
    public async Task<IReadOnlyList<JsonElement>> MessagesAsync()
    {
        using var document = JsonDocument.Parse(await Page.EvaluateAsync<string>("() => JSON.stringify(ot.events.filter(e => e.kind === 'message'))"));
        return [.. document.RootElement.EnumerateArray().Select(e => e.Clone())];
    }

    public static string Key(BrowserParticipant source, string type) => $"{source.Id}/{type}";

    /// <summary>What went on in the page, for a failing assertion's message.</summary>
    public async Task<string> DescribeAsync()
    {
        var stats = await StatsAsync();
        var messages = await MessagesAsync();
        return $"{Name} receives [{string.Join(", ", stats.Select(s => $"{s.Key}: {s.Value}"))}]; messages: "
            + string.Join(" ", messages.Select(m => $"{m.GetProperty("namespace").GetString()}/{m.GetProperty("message").GetString()}"
                + (m.GetProperty("payload").TryGetProperty("error", out var error) ? $"({error})" : "")));
    }
}

public sealed record ReceivedMedia(long FramesDecoded, double AudioEnergy, string State, int FrameWidth);
