using OpenTalk.Client;
using OpenTalk.Host.Tests.Infrastructure;
using OpenTalk.Protocol.Rest;

namespace OpenTalk.Host.Tests;

/// <summary>The SDK's <see cref="MeetingSession"/> comes back by itself, as the same participant, when its node restarts.</summary>
public sealed class ClientResumptionTests
{
    [Fact]
    public async Task A_session_resumes_as_the_same_participant_after_its_node_restarts_and_goes_on_chatting()
    {
        var postgres = await TestDatabase.CreateAsync();
        string[] settings = ["--OpenTalk:ResumeWindowSeconds", "60"];
        var node = await TestNode.StartAsync(postgres, extra: settings);
        var api = await node.NewUserAsync("bot");
        var room = (await api.CreateRoomAsync(new CreateRoomRequest(null))).Id;
        await using var session = await MeetingSession.JoinAsync(api, node.BaseUri, room, "Recorder bot", TimeSpan.FromSeconds(60));
        var id = session.ParticipantId;
        await session.WaitForAsync(m => m.Message == "join_success");

        // A graceful stop closes the socket with 1001; the session keeps asking until the node is back.
        var (url, data) = (node.BaseUri, node.DataFolder);
        await node.DisposeAsync();
        await using var restarted = await TestNode.StartAsync(postgres, data, url, settings);

        var back = await session.WaitForAsync(m => m.Message == "join_success", TimeSpan.FromSeconds(60));
        Assert.True(back.Payload.GetProperty("resumed").GetBoolean());
        Assert.Equal(id, session.ParticipantId);
        Assert.Equal(1, session.Resumptions);
        await session.SendAsync("chat", "send_message", new { content = "still here", scope = "global" });
        var echoed = await session.WaitForAsync(m => m.Message == "message_sent");
        Assert.Equal("still here", echoed.Payload.GetProperty("content").GetString());
        Assert.Equal(id, echoed.Payload.GetProperty("source").GetGuid());
    }
}
