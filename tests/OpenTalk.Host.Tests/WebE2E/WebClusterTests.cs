using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Microsoft.Playwright;
using OpenTalk.Client;
using OpenTalk.Host.Tests.Infrastructure;
using OpenTalk.Host.Tests.Media;
using OpenTalk.Protocol.Rest;
using OpenTalk.Tests.Shared;
using static Microsoft.Playwright.Assertions;

namespace OpenTalk.Host.Tests.WebE2E;

/// <summary>
/// The cluster `./run --nodes 3` starts (deploy/scripts/cluster.sh: three nodes and nginx in front of them), with
/// nginx on the media namespace's host address so the browsers inside reach it: people sign in, plan, join and see
/// each other through nginx only.
/// </summary>
[Collection(BrowserMediaCollection.Name)]
public sealed class WebClusterTests : IAsyncLifetime
{
    private readonly StringBuilder _output = new();
    private JanusProcess _janus = null!;
    private Process _cluster = null!;
    private string _data = null!;
    private Uri _origin = null!;

    public async Task InitializeAsync()
    {
        if (!File.Exists(Path.Combine(WebStack.Dist, "index.html")))
            throw new InvalidOperationException("The web app is not built: run ./test first.");
        _janus = await JanusProcess.StartAsync();
        _data = Directory.CreateTempSubdirectory("opentalk-cluster-").FullName;
        _origin = new Uri($"http://{MediaNetwork.HostAddress}:{FreePort()}");
        var start = new ProcessStartInfo("bash",
        [
            Path.Combine(Repository.Root, "deploy", "scripts", "cluster.sh"), "3", _origin.ToString().TrimEnd('/'), _data, WebStack.Dist,
            "--Media:Janus:0:Name", "janus-a", "--Media:Janus:0:Url", _janus.Url.ToString(), "--Media:Janus:0:ApiSecret", _janus.ApiSecret,
            "--Media:KeepAliveSeconds", "1", "--Media:LoadRefreshSeconds", "1", "--Logging:LogLevel:Default", "Warning",
        ])
        {
            RedirectStandardOutput = true, RedirectStandardError = true,
        };
        start.Environment["OPENTALK_POSTGRES_URL"] = await TestDatabase.CreateAsync();
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _cluster = Process.Start(start)!;
        void Read(object? sender, DataReceivedEventArgs line)
        {
            lock (_output)
                _output.AppendLine(line.Data);
            if (line.Data?.Contains("OpenTalk runs as a cluster of 3 nodes behind nginx", StringComparison.Ordinal) == true)
                ready.TrySetResult();
        }
        _cluster.OutputDataReceived += Read;
        _cluster.ErrorDataReceived += Read;
        _cluster.BeginOutputReadLine();
        _cluster.BeginErrorReadLine();
        await Task.WhenAny(ready.Task, _cluster.WaitForExitAsync(), Task.Delay(TimeSpan.FromMinutes(3)));
        if (!ready.Task.IsCompleted)
            throw new InvalidOperationException("cluster.sh did not bring three nodes up behind nginx:\n" + Output());
    }

    [Fact]
    public async Task Two_people_meet_through_nginx_in_front_of_three_nodes()
    {
        // Everything through nginx: the API, the embedded sign-in, the web app and the signaling sockets.
        var password = (await File.ReadAllTextAsync(Path.Combine(_data, "admin-password.txt"))).Trim();
        var admin = new OpenTalkApi(new HttpClient { BaseAddress = _origin }) { AccessToken = await SignIn.WithPasswordAsync(_origin, "admin", password) };
        var members = await Poll.UntilAsync(async () => (await admin.GetClusterAsync()).GetProperty("members").EnumerateArray()
            .Count(m => m.GetProperty("status").GetString() == "up"), up => up == 3);
        Assert.True(members == 3, "three members up:\n" + Output());
        // Each node watches Janus on its own: nginx hands these to any of them.
        await Poll.UntilAsync(async () =>
        {
            using var media = await admin.SendRawAsync(HttpMethod.Get, "v1/admin/media", null);
            return JsonDocument.Parse(await media.Content.ReadAsStringAsync()).RootElement.GetProperty("instances").EnumerateArray()
                .All(i => i.GetProperty("up").GetBoolean());
        }, up => up);
        await admin.CreateAccountAsync("mona", "password-mona", "Mona");
        var uwe = await admin.CreateAccountAsync("uwe", "password-uwe", "Uwe");
        var monaApi = new OpenTalkApi(new HttpClient { BaseAddress = _origin }) { AccessToken = await SignIn.WithPasswordAsync(_origin, "mona", "password-mona") };
        var meeting = await monaApi.CreateEventAsync(new EventRequest("Across the cluster", "", null, false, true, null, null, []));
        await monaApi.InviteAsync(meeting.Id, new EventInviteRequest(uwe.GetProperty("id").GetGuid(), null, InviteRole.User));

        await using var playwright = new DisposablePlaywright(await Playwright.CreateAsync());
        await using var browser = await TestBrowser.LaunchAsync(playwright.Value, _origin.ToString().TrimEnd('/'));
        SetDefaultExpectTimeout(20_000);
        var pages = new List<IPage>();
        foreach (var user in new[] { "mona", "uwe" })
        {
            var context = await browser.NewContextAsync(new BrowserNewContextOptions
            {
                Permissions = ["local-network-access", "camera", "microphone"], Locale = "en-US", ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
            });
            var page = await context.NewPageAsync();
            await page.GotoAsync(_origin.ToString());
            await WebTest.SignInAsync(page, user);
            await page.GetByRole(AriaRole.Button, new() { Name = "Join Across the cluster" }).ClickAsync();
            await WebTest.EnterRoomAsync(page);
            pages.Add(page);
        }
        var (mona, uwePage) = (pages[0], pages[1]);
        await Expect(mona.Locator("figure[data-kind='video']").Filter(new() { HasText = "Uwe" })).ToBeVisibleAsync();
        Assert.True(await Poll.UntilAsync(() => WebStack.CameraFramesAsync(mona, "Uwe"), f => f > 15, 60) > 15, "Mona does not see Uwe through the cluster:\n" + Output());
        Assert.True(await Poll.UntilAsync(() => WebStack.CameraFramesAsync(uwePage, "Mona"), f => f > 15, 60) > 15, "Uwe does not see Mona through the cluster");

        // A chat message goes from one to the other across nginx and, when their sockets landed on different nodes,
        // across the cluster.
        await mona.GetByRole(AriaRole.Button, new() { Name = "Chat" }).ClickAsync();
        await mona.GetByLabel("Message to Everyone").FillAsync("Hello through nginx");
        await mona.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();
        await Expect(uwePage.GetByRole(AriaRole.Button, new() { Name = "Chat, 1 unread" })).ToBeVisibleAsync();
        await uwePage.GetByRole(AriaRole.Button, new() { Name = "Chat, 1 unread" }).ClickAsync();
        await Expect(uwePage.GetByText("Hello through nginx")).ToBeVisibleAsync();
    }

    private string Output()
    {
        lock (_output)
        {
            var logs = Directory.Exists(Path.Combine(_data, "logs"))
                ? string.Join("\n----\n", Directory.GetFiles(Path.Combine(_data, "logs")).Select(f => f + ":\n" + string.Join('\n', File.ReadLines(f).TakeLast(30))))
                : "";
            return _output + "\n" + logs;
        }
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Parse(MediaNetwork.HostAddress), 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    public async Task DisposeAsync()
    {
        // cluster.sh stops its nodes (SIGTERM) and nginx when it gets SIGTERM itself.
        if (!_cluster.HasExited)
        {
            using (var term = Process.Start("kill", ["-TERM", _cluster.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
                await term.WaitForExitAsync();
            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            try
            {
                await _cluster.WaitForExitAsync(wait.Token);
            }
            catch (OperationCanceledException)
            {
                _cluster.Kill(entireProcessTree: true);
            }
        }
        _cluster.Dispose();
        await _janus.DisposeAsync();
    }

    private sealed class DisposablePlaywright(IPlaywright value) : IAsyncDisposable
    {
        public IPlaywright Value { get; } = value;

        public ValueTask DisposeAsync()
        {
            Value.Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
