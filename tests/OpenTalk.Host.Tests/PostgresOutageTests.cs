using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using OpenTalk.Client;
using OpenTalk.Host.Tests.Infrastructure;
using OpenTalk.Protocol.Rest;
using OpenTalk.Tests.Shared;
using Xunit.Abstractions;

namespace OpenTalk.Host.Tests;

/// <summary>
/// The node's own Postgres stops for a while under a chatting meeting: every message is either
/// delivered or refused in words the client understands, the node reports itself not ready, and
/// once Postgres is back the meeting carries on with the same people.
/// </summary>
public sealed class PostgresOutageTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("opentalk-outage-pg-").FullName;
    private readonly int _port = NodeProcess.FreePort();
    private TestNode _node = null!;

    public async Task InitializeAsync() => _node = await TestNode.StartAsync(await PostgresAsync("start"));

    public async Task DisposeAsync()
    {
        await _node.DisposeAsync();
        await PostgresAsync("stop");
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task While_postgres_is_down_every_chat_message_is_answered_and_the_meeting_comes_back_with_its_people()
    {
        var olgaApi = await _node.NewUserAsync("olga");
        var room = (await olgaApi.CreateRoomAsync(new CreateRoomRequest(null))).Id;
        var olga = await Participant.JoinAsync(_node, room, olgaApi, "Olga");
        var uma = await Participant.JoinAsync(_node, room, await _node.NewUserAsync("uma"), "Uma");
        await SendAndGetAnswerAsync(olga, "before");
        var healthy = Stopwatch.StartNew();
        await SendAndGetAnswerAsync(olga, "round trip");
        var roundTrip = healthy.Elapsed;

        await PostgresAsync("stop");
        // About ten seconds of outage, a message a second.
        var answers = new List<string>();
        for (var i = 0; i < 10; i++)
        {
            answers.Add(await SendAndGetAnswerAsync(olga, $"during {i}"));
            await Task.Delay(TimeSpan.FromSeconds(1));
        }
        Assert.All(answers, a => Assert.Contains(a, new[] { "storage_unavailable", "meeting_unavailable" }));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, await ReadinessAsync());
        // A new ticket cannot be had either: "try again shortly", not a hang or a 500.
        using (var ticket = await olgaApi.SendRawAsync(HttpMethod.Post, $"v1/rooms/{room}/start", JsonContent.Create(new { })))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, ticket.StatusCode);
            Assert.Equal(TimeSpan.FromSeconds(2), ticket.Headers.RetryAfter?.Delta);
            Assert.Contains("\"code\":\"service_unavailable\"", await ticket.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        // The SDK asks again after the Retry-After the node gave, so a ticket asked for now arrives once Postgres is back.
        var ticketWhileDown = olgaApi.StartAsync(room);
        await Task.Delay(TimeSpan.FromSeconds(6));
        Assert.False(ticketWhileDown.IsCompleted, "The SDK gave up on the busy node instead of asking again.");

        await PostgresAsync("start");
        var back = Stopwatch.StartNew();
        var recovered = false;
        for (var i = 0; i < 240 && !recovered; i++)
        {
            recovered = await SendAndGetAnswerAsync(olga, $"after {i}") == "sent";
            if (!recovered)
                await Task.Delay(TimeSpan.FromMilliseconds(250));
        }
        output.WriteLine($"Answers during the outage: {string.Join(", ", answers)}");
        FaultMeasurements.Record(output, "Postgres down 10 s: chat answered again after Postgres is back", back.Elapsed.TotalSeconds, "s", roundTrip.TotalSeconds);
        Assert.True(recovered, "The meeting did not take chat messages again within 240 tries after Postgres came back.");
        Assert.Equal(HttpStatusCode.OK, await ReadinessAsync());
        Assert.False(string.IsNullOrEmpty((await ticketWhileDown).Ticket));
        Assert.DoesNotContain(uma.Socket.Drain(), m => m.Message == "left");
    }

    /// <summary>"sent" when the sender sees its own message, else the error code it was refused with.</summary>
    private static async Task<string> SendAndGetAnswerAsync(Participant who, string content)
    {
        await who.Socket.SendAsync("chat", "send_message", new { content, scope = "global" });
        var answer = await who.Socket.WaitForAsync(m =>
            m.Message == "error" || (m.Message == "message_sent" && m.Payload.GetProperty("content").GetString() == content), TimeSpan.FromSeconds(20));
        return answer.Message == "error" ? answer.Error! : "sent";
    }

    private async Task<HttpStatusCode> ReadinessAsync()
    {
        using var http = new HttpClient { BaseAddress = _node.BaseUri };
        using var answer = await http.GetAsync("health/ready");
        return answer.StatusCode;
    }

    private async Task<string> PostgresAsync(string action)
    {
        var info = new ProcessStartInfo("bash", [Path.Combine(Repository.Root, "deploy", "scripts", "postgres.sh"), action, _folder, _port.ToString()])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(info)!;
        var text = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"postgres.sh {action}: {await process.StandardError.ReadToEndAsync()}");
        return text.Trim();
    }
}
