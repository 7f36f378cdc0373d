using System.Net;
using System.Text.Json;
using OpenTalk.Client;
using OpenTalk.Host.Observability;
using OpenTalk.Host.Tests.Infrastructure;
using OpenTalk.Projections;
using OpenTalk.Protocol.Rest;

namespace OpenTalk.Host.Tests;

/// <summary>
/// What the cluster view tells an administrator about each node besides its meetings and sockets: how long it has run,
/// the shards and entities of its meetings' and timers' regions, how far the projections are behind, and its newest
/// errors. The node's job queue is a RabbitMQ nobody runs, so starting a recording makes a real error.
/// </summary>
public sealed class AdminDashboardTests : RoomTest
{
    private const string BrokerSecret = "broker-secret-4711";

    protected override string[] NodeArguments =>
    [
        "--Services:RabbitMq", $"amqp://opentalk:{BrokerSecret}@127.0.0.1:{NodeProcess.FreePort()}/",
        "--Observability:ProjectionLagEverySeconds", "1",
    ];

    [Fact]
    public async Task The_cluster_view_shows_uptime_shards_entities_and_projection_lag_of_the_node()
    {
        var admin = await Node.AsAdminAsync();
        var second = (await Olga.CreateRoomAsync(new CreateRoomRequest(null))).Id;
        await using var here = (await Participant.JoinAsync(Node, Room, Olga, "Olga")).Socket;
        await using var there = (await Participant.JoinAsync(Node, second, Olga, "Olga")).Socket;

        var member = await EventuallyAsync(admin, m => m.GetProperty("projections").GetArrayLength() > 0, "the first reading of the projections' lag");
        var meetings = Region(member, "meeting");
        Assert.Equal(2, meetings.GetProperty("entities").GetInt32());
        Assert.InRange(meetings.GetProperty("shards").GetInt32(), 1, 2);
        Assert.Equal(new[] { Room, second }.Order(), member.GetProperty("meeting_ids").EnumerateArray().Select(m => m.GetGuid()).Order());
        Assert.Equal(2, member.GetProperty("meetings").GetInt32());
        Assert.True(Region(member, "timer").GetProperty("shards").GetInt32() >= 0);
        var lag = member.GetProperty("projections").EnumerateArray().ToDictionary(p => p.GetProperty("name").GetString()!);
        Assert.Equal(ProjectionCatalog.All.Select(p => p.Name).Order(), lag.Keys.Order());
        Assert.All(lag.Values, p => Assert.True(p.GetProperty("events_behind").GetInt64() >= 0 && p.GetProperty("seconds_behind").GetDouble() >= 0));

        // The node's clock runs on: same start, more uptime.
        var startedAt = member.GetProperty("started_at").GetDateTimeOffset();
        var uptime = member.GetProperty("uptime_seconds").GetDouble();
        Assert.InRange(startedAt, DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow);
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        var later = Self(await admin.GetClusterAsync());
        Assert.Equal(startedAt, later.GetProperty("started_at").GetDateTimeOffset());
        Assert.True(later.GetProperty("uptime_seconds").GetDouble() >= uptime + 1.4, $"{uptime} then {later.GetProperty("uptime_seconds")}");

        // A third meeting opened: its entity joins the region.
        var third = (await Olga.CreateRoomAsync(new CreateRoomRequest(null))).Id;
        await using var another = (await Participant.JoinAsync(Node, third, Olga, "Olga")).Socket;
        var after = await EventuallyAsync(admin, m => Region(m, "meeting").GetProperty("entities").GetInt32() == 3, "the third meeting");
        Assert.Equal(new[] { Room, second, third }.Order(), after.GetProperty("meeting_ids").EnumerateArray().Select(m => m.GetGuid()).Order());
    }

    [Fact]
    public async Task A_job_the_broker_cannot_take_shows_among_the_nodes_last_errors_without_the_brokers_password()
    {
        var admin = await Node.AsAdminAsync();
        var before = Self(await admin.GetClusterAsync());
        Assert.DoesNotContain(before.GetProperty("last_errors").EnumerateArray(), IsDispatchError);
        // The node started on a new database: EF's first read of its migrations history, logged as failed, is no error.
        Assert.DoesNotContain("__EFMigrationsHistory", before.GetProperty("last_errors").GetRawText(), StringComparison.Ordinal);

        var owner = await Participant.JoinAsync(Node, Room, Olga, "Olga");
        var recording = owner.JoinSuccess.GetProperty("recording").GetProperty("targets").EnumerateObject()
            .Single(t => t.Value.GetProperty("streaming_kind").GetString() == "recording").Name;
        await owner.Socket.SendAsync("recording", "start_stream", new { target_ids = new[] { recording } });

        var member = await EventuallyAsync(admin, m => m.GetProperty("last_errors").EnumerateArray().Any(IsDispatchError), "the dispatch error");
        var error = member.GetProperty("last_errors").EnumerateArray().First(IsDispatchError);
        Assert.Equal("OpenTalk.Host.Dispatch.ServiceDispatchActor", error.GetProperty("category").GetString());
        Assert.Contains(Room.ToString(), error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.InRange(error.GetProperty("at").GetDateTimeOffset(), DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow);
        Assert.False(string.IsNullOrEmpty(error.GetProperty("exception").GetString()));
        Assert.DoesNotContain(BrokerSecret, member.GetProperty("last_errors").GetRawText(), StringComparison.Ordinal);
        await owner.Socket.DisposeAsync();
    }

    [Fact]
    public async Task Nobody_but_an_administrator_sees_the_cluster_view()
    {
        var error = await Assert.ThrowsAsync<OpenTalkApiException>(() => Olga.GetClusterAsync());
        Assert.Equal(HttpStatusCode.Forbidden, error.Status);
        var uwe = await Node.NewUserAsync("uwe");
        Assert.Equal(HttpStatusCode.Forbidden, (await Assert.ThrowsAsync<OpenTalkApiException>(() => uwe.GetClusterAsync())).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Assert.ThrowsAsync<OpenTalkApiException>(() => Node.Anonymous().GetClusterAsync())).Status);
    }

    [Fact]
    public void Secrets_in_logged_text_are_masked()
    {
        Assert.Equal("connect to amqp://***@broker:5672/ failed", LastErrors.Mask("connect to amqp://user:pw@broker:5672/ failed"));
        Assert.Equal("Host=db;Password=***;Username=ot", LastErrors.Mask("Host=db;Password=hunter2;Username=ot"));
        Assert.Equal("client_secret: ***", LastErrors.Mask("client_secret: abc123"));
        Assert.Equal("nothing to hide", LastErrors.Mask("nothing to hide"));
    }

    private static bool IsDispatchError(JsonElement error) =>
        error.GetProperty("message").GetString()!.Contains("could not be sent to the recorder queue", StringComparison.Ordinal);

    private static JsonElement Region(JsonElement member, string name) =>
        member.GetProperty("shard_regions").EnumerateArray().Single(r => r.GetProperty("region").GetString() == name);

    private static JsonElement Self(JsonElement cluster) =>
        cluster.GetProperty("members").EnumerateArray().Single(m => m.GetProperty("is_self").GetBoolean());

    private static async Task<JsonElement> EventuallyAsync(OpenTalkApi admin, Func<JsonElement, bool> ready, string what)
    {
        var until = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var member = Self(await admin.GetClusterAsync());
            if (member.TryGetProperty("uptime_seconds", out _) && ready(member))
                return member;
            if (DateTime.UtcNow > until)
                throw new Xunit.Sdk.XunitException($"Waited 30 s for {what}: {member}");
            await Task.Delay(250);
        }
    }
}
