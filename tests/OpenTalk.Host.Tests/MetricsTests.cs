using System.Net;
using System.Net.Http.Headers;
using OpenTalk.Client;
using OpenTalk.Host.Tests.Infrastructure;
using OpenTalk.Protocol.Rest;
using Xunit.Abstractions;

namespace OpenTalk.Host.Tests;

/// <summary>
/// The node's metrics as Prometheus scrapes them, after two people met and chatted. Each test runs its node as a
/// process of its own: the meters are the process's, and other tests' nodes would count into them.
/// </summary>
public sealed class MetricsTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Token = "scrape-token-for-tests-1234";
    private readonly List<NodeProcess> _nodes = [];

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var node in _nodes)
            await node.DisposeAsync();
    }

    [Fact]
    public async Task The_scrape_shows_joins_commands_latencies_sockets_meetings_participants_and_the_libraries_metrics()
    {
        // A Janus instance nobody runs: configured, and reported down.
        var node = await StartAsync("--Observability:LogFormat", "json", "--Media:Janus:0:Name", "gone",
            "--Media:Janus:0:Url", $"ws://127.0.0.1:{NodeProcess.FreePort()}", "--Media:Janus:0:ApiSecret", "secret");
        var olgaApi = await NewUserAsync(node, "olga");
        var umaApi = await NewUserAsync(node, "uma");
        var room = (await olgaApi.CreateRoomAsync(new CreateRoomRequest(null))).Id;
        await using var olga = await JoinAsync(node, olgaApi, room, "Olga");
        await using var uma = await JoinAsync(node, umaApi, room, "Uma");
        await olga.SendAsync("chat", "send_message", new { content = "hello", scope = "global" });
        await olga.WaitForAsync("chat", "message_sent");
        await uma.WaitForAsync("chat", "message_sent");
        await olga.SendAsync("chat", "send_message", new { content = "", scope = "global" });
        Assert.NotNull((await olga.WaitForAsync(m => m.Message == "error")).Error);

        // The projections' lag is read in the background: wait for its first reading.
        var scrape = await ScrapeUntilAsync(node, s => s.Of("opentalk_projection_behind").Any());
        output.WriteLine(string.Join("\n", scrape.Families.Order(StringComparer.Ordinal)));

        Assert.Equal("counter", scrape.TypeOf("opentalk_meeting_joins_total"));
        Assert.True(scrape.Sum("opentalk_meeting_joins_total", ("outcome", "joined")) >= 2);
        Assert.Equal("counter", scrape.TypeOf("opentalk_meeting_commands_total"));
        Assert.True(scrape.Sum("opentalk_meeting_commands_total", ("module", "chat"), ("outcome", "accepted")) >= 1);
        Assert.True(scrape.Sum("opentalk_meeting_commands_total", ("module", "chat"), ("outcome", "refused")) >= 1);
        Assert.Equal("gauge", scrape.TypeOf("opentalk_signaling_sockets"));
        Assert.Equal(2, scrape.Sum("opentalk_signaling_sockets"));
        Assert.Equal("gauge", scrape.TypeOf("opentalk_meetings_active"));
        Assert.True(scrape.Sum("opentalk_meetings_active") >= 1);
        Assert.Equal(2, scrape.Sum("opentalk_meeting_participants"));
        AssertHistogram(scrape, "opentalk_journal_write_duration_seconds", ("entity", "meeting"));
        AssertHistogram(scrape, "opentalk_meeting_fanout_duration_seconds");
        Assert.Equal("gauge", scrape.TypeOf("opentalk_projection_lag_seconds"));
        Assert.Contains(scrape.Of("opentalk_projection_behind"), s => s.Has(("projection", "room_history")));
        Assert.NotNull(scrape.HelpOf("opentalk_meeting_joins_total"));
        Assert.Equal(0, Assert.Single(scrape.Of("opentalk_janus_up"), s => s.Has(("instance", "gone"))).Value);
        Assert.Equal(0, Assert.Single(scrape.Of("opentalk_janus_publishers"), s => s.Has(("instance", "gone"))).Value);
        // The libraries': ASP.NET Core's requests, Npgsql's connections and commands, the runtime.
        AssertHistogram(scrape, "http_server_request_duration_seconds");
        Assert.Contains(scrape.Families, f => f.StartsWith("db_client_", StringComparison.Ordinal));
        Assert.Contains(scrape.Families, f => f.StartsWith("dotnet_", StringComparison.Ordinal));

        // Someone leaving (closing the socket normally): neither their socket nor they are counted any longer.
        await uma.DisposeAsync();
        await ScrapeUntilAsync(node, s => s.Sum("opentalk_signaling_sockets") == 1 && s.Sum("opentalk_meeting_participants") == 1);

        // JSON logs: the meeting's lines name the meeting and the participant as fields.
        Assert.Contains(node.Output.Split('\n'), line => line.Contains("\"MeetingId\":\"" + room + "\"", StringComparison.Ordinal)
            && line.Contains("\"ParticipantId\":", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_scrape_from_outside_the_allowed_networks_is_refused_unless_it_has_the_token()
    {
        var node = await StartAsync("--Observability:MetricsAllowedFrom:0", "10.0.0.0/8", "--Observability:MetricsToken", Token);
        using var http = new HttpClient { BaseAddress = node.BaseUri };

        using var refused = await http.GetAsync("metrics");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Contains("\"code\":\"forbidden\"", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var wrongToken = new HttpRequestMessage(HttpMethod.Get, "metrics") { Headers = { Authorization = new AuthenticationHeaderValue("Bearer", "nope") } };
        Assert.Equal(HttpStatusCode.Forbidden, (await http.SendAsync(wrongToken)).StatusCode);

        using var withToken = new HttpRequestMessage(HttpMethod.Get, "metrics") { Headers = { Authorization = new AuthenticationHeaderValue("Bearer", Token) } };
        using var allowed = await http.SendAsync(withToken);
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        Assert.NotNull(PrometheusText.Parse(await allowed.Content.ReadAsStringAsync()).TypeOf("http_server_request_duration_seconds"));
    }

    [Fact]
    public async Task A_node_that_has_not_joined_a_cluster_is_live_but_not_ready()
    {
        // Its only seed is a port nobody listens on: it never becomes a member.
        var node = await StartAsync("--OpenTalk:ClusterSeeds:0", $"akka.tcp://opentalk@127.0.0.1:{NodeProcess.FreePort()}");
        using var http = new HttpClient { BaseAddress = node.BaseUri };
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("health/live")).StatusCode);
        using var ready = await http.GetAsync("health/ready");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.DoesNotContain("\"ready\"", await ready.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_a_collector_configured_the_meetings_commands_are_traced_to_it()
    {
        // A collector as far as the node can tell: OTLP over HTTP/protobuf, every request kept.
        var port = NodeProcess.FreePort();
        using var collector = new HttpListener { Prefixes = { $"http://127.0.0.1:{port}/" } };
        collector.Start();
        var traces = new List<byte[]>();
        _ = Task.Run(async () =>
        {
            while (collector.IsListening)
            {
                var context = await collector.GetContextAsync();
                using var body = new MemoryStream();
                await context.Request.InputStream.CopyToAsync(body);
                if (context.Request.Url?.AbsolutePath == "/v1/traces")
                    lock (traces)
                        traces.Add(body.ToArray());
                context.Response.StatusCode = 200;
                context.Response.Close();
            }
        });
        var node = await StartAsync("--OTEL_EXPORTER_OTLP_ENDPOINT", $"http://127.0.0.1:{port}", "--OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf",
            "--OTEL_BSP_SCHEDULE_DELAY", "500");
        var olgaApi = await NewUserAsync(node, "olga");
        var room = (await olgaApi.CreateRoomAsync(new CreateRoomRequest(null))).Id;
        await using var olga = await JoinAsync(node, olgaApi, room, "Olga");
        await olga.SendAsync("chat", "send_message", new { content = "traced", scope = "global" });
        await olga.WaitForAsync("chat", "message_sent");

        // Protobuf keeps strings as they are: the span's name and the room id are in the bytes sent.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        bool Sent(string text)
        {
            var bytes = System.Text.Encoding.UTF8.GetBytes(text);
            lock (traces)
                return traces.Any(t => t.AsSpan().IndexOf(bytes) >= 0);
        }
        while (!(Sent("meeting.command") && Sent(room.ToString()) && Sent("/v1/rooms")) && DateTime.UtcNow < deadline)
            await Task.Delay(250);
        Assert.True(Sent("meeting.command"), "No meeting.command span reached the collector.");
        Assert.True(Sent(room.ToString()), "The meeting's span does not name the meeting.");
        Assert.True(Sent("/v1/rooms"), "No ASP.NET Core request span reached the collector.");
        collector.Stop();
    }

    private async Task<NodeProcess> StartAsync(params string[] extra)
    {
        var node = await NodeProcess.StartAsync(["--OpenTalk:DataFolder", Directory.CreateTempSubdirectory("opentalk-metrics-").FullName,
            "--OpenTalk:Postgres", await TestDatabase.CreateAsync(), "--SignIn:InitialAdminPassword", TestNode.AdminPassword, .. extra]);
        _nodes.Add(node);
        return node;
    }

    private static async Task<OpenTalkApi> NewUserAsync(NodeProcess node, string name)
    {
        var admin = new OpenTalkApi(new HttpClient { BaseAddress = node.BaseUri })
        {
            AccessToken = await SignIn.WithPasswordAsync(node.BaseUri, "admin", TestNode.AdminPassword),
        };
        await admin.CreateAccountAsync(name, "password-" + name, name);
        return new OpenTalkApi(new HttpClient { BaseAddress = node.BaseUri })
        {
            AccessToken = await SignIn.WithPasswordAsync(node.BaseUri, name, "password-" + name),
        };
    }

    private static async Task<SignalingClient> JoinAsync(NodeProcess node, OpenTalkApi api, Guid room, string name)
    {
        var socket = await SignalingClient.ConnectAsync(node.BaseUri, (await api.StartAsync(room)).Ticket);
        await socket.JoinAsync(name);
        await socket.WaitForAsync("control", "join_success");
        return socket;
    }

    private static async Task<PrometheusText> ScrapeUntilAsync(NodeProcess node, Func<PrometheusText, bool> done)
    {
        using var http = new HttpClient { BaseAddress = node.BaseUri };
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            using var answer = await http.GetAsync("metrics");
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
            var scrape = PrometheusText.Parse(await answer.Content.ReadAsStringAsync());
            if (done(scrape))
                return scrape;
            Assert.True(DateTime.UtcNow < deadline, "The metrics did not show what was expected within 30 s.");
            await Task.Delay(500);
        }
    }

    private static void AssertHistogram(PrometheusText scrape, string family, params (string Name, string Value)[] labels)
    {
        Assert.Equal("histogram", scrape.TypeOf(family));
        Assert.True(scrape.Sum(family + "_count", labels) > 0, $"{family}_count is 0");
        Assert.True(scrape.Sum(family + "_sum", labels) >= 0);
        var infinity = scrape.Of(family).Where(s => s.Name == family + "_bucket" && s.Has(labels) && s.Labels["le"] == "+Inf").Sum(s => s.Value);
        Assert.Equal(scrape.Sum(family + "_count", labels), infinity);
    }
}
