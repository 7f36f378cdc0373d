using System.Net;
using OpenTalk.Client;
using OpenTalk.Host.Tests.Infrastructure;
using OpenTalk.Protocol.Rest;

namespace OpenTalk.Host.Tests;

/// <summary>
/// The recording namespace through the real Host, with the test playing the recorder service the way a recorder
/// speaks to the node: client credentials, <c>POST /v1/services/recording/start</c>, a hidden signaling session.
/// </summary>
public sealed class RecordingSignalingTests : RoomTest
{
    private static Guid RecordingOf(Participant p) =>
        p.JoinSuccess.GetProperty("recording").GetProperty("targets").EnumerateObject()
            .Single(t => t.Value.GetProperty("streaming_kind").GetString() == "recording").Name is var id ? Guid.Parse(id) : Guid.Empty;

    [Fact]
    public async Task A_moderator_records_the_recorder_joins_unseen_and_everyone_hears_the_recording_is_on()
    {
        var owner = await Participant.JoinAsync(Node, Room, Olga, "Olga");
        var uma = await Participant.JoinAsync(Node, Room, await Node.NewUserAsync("uma"), "Uma");
        var recording = RecordingOf(owner);
        Assert.Equal("inactive", uma.JoinSuccess.GetProperty("recording").GetProperty("targets").GetProperty(recording.ToString()).GetProperty("status").GetString());

        // No recorder may come before one is asked for; a user without the recorder role never.
        var recorder = await Node.AsRecorderAsync();
        var early = await Assert.ThrowsAsync<OpenTalkApiException>(() => recorder.StartRecorderAsync(Room));
        Assert.Equal((HttpStatusCode.Conflict, "recorder_not_requested"), (early.Status, early.Code));

        await uma.Socket.SendAsync("recording", "start_stream", new { target_ids = new[] { recording } });
        Assert.Equal("insufficient_permissions", (await uma.Socket.WaitForAsync("recording", "error")).Error);

        await owner.Socket.SendAsync("recording", "start_stream", new { target_ids = new[] { recording } });
        var starting = await uma.Socket.WaitForAsync("recording", "stream_updated");
        Assert.Equal((recording, "starting"), (starting.Payload.GetProperty("target_id").GetGuid(), starting.Payload.GetProperty("status").GetString()));

        var notRecorder = await Assert.ThrowsAsync<OpenTalkApiException>(() => Olga.StartRecorderAsync(Room));
        Assert.Equal(HttpStatusCode.Forbidden, notRecorder.Status);

        var ticket = await recorder.StartRecorderAsync(Room);
        await using var service = await Node.ConnectAsync(ticket.Ticket);
        await service.JoinAsync("Recorder");
        var welcome = (await service.WaitForAsync("control", "join_success")).Payload;
        var streams = welcome.GetProperty("recording_service").GetProperty("streams");
        Assert.Equal("starting", streams.GetProperty(recording.ToString()).GetProperty("status").GetString());
        Assert.Equal(2, welcome.GetProperty("participants").GetArrayLength());
        Assert.False(welcome.TryGetProperty("chat", out _));

        // A second recorder (the same job taken twice) finds the place taken.
        var twice = await Assert.ThrowsAsync<OpenTalkApiException>(() => recorder.StartRecorderAsync(Room));
        Assert.Equal(HttpStatusCode.Conflict, twice.Status);

        await service.SendAsync("recording_service", "stream_updated", new { target_id = recording, status = "active" });
        var active = await uma.Socket.WaitForAsync(m => m.Namespace == "recording" && m.Message == "stream_updated"
            && m.Payload.GetProperty("status").GetString() == "active");
        Assert.Equal(recording, active.Payload.GetProperty("target_id").GetGuid());

        // Nobody was told the recorder joined, and someone joining later does not see it either.
        var recorderId = welcome.GetProperty("id").GetString()!;
        Assert.DoesNotContain(owner.Socket.Drain().Concat(uma.Socket.Drain()), m => m.Raw.Contains(recorderId, StringComparison.Ordinal));
        var late = await Participant.JoinAsync(Node, Room, await Node.NewUserAsync("lea"), "Lea");
        Assert.Equal(2, late.JoinSuccess.GetProperty("participants").GetArrayLength());
        Assert.Equal("active", late.JoinSuccess.GetProperty("recording").GetProperty("targets").GetProperty(recording.ToString()).GetProperty("status").GetString());

        // Consent: the recorder and the others see who may be recorded.
        await late.Socket.SendAsync("recording", "set_consent", new { consent = true });
        var update = await service.WaitForAsync(m => m.Namespace == "control" && m.Message == "update" && m.Payload.GetProperty("id").GetGuid() == late.Id);
        Assert.True(update.Payload.GetProperty("recording").GetProperty("consents_recording").GetBoolean());

        // The recorder only records: it may not chat.
        await service.SendAsync("chat", "send_message", new { content = "hello", scope = "global" });
        Assert.Equal("insufficient_permissions", (await service.WaitForAsync("chat", "error")).Error);

        await owner.Socket.SendAsync("recording", "stop_stream", new { target_ids = new[] { recording } });
        var stop = await service.WaitForAsync("recording_service", "stop_streams");
        Assert.Equal(recording, stop.Payload.GetProperty("target_ids")[0].GetGuid());
        await service.SendAsync("recording_service", "stream_updated", new { target_id = recording, status = "inactive" });
        await uma.Socket.WaitForAsync(m => m.Namespace == "recording" && m.Message == "stream_updated"
            && m.Payload.GetProperty("status").GetString() == "inactive");

        // The journal keeps who started and stopped the recording, and who consented.
        var journal = (await Olga.GetAuditEventsAsync(Room)).GetProperty("events").EnumerateArray()
            .Select(e => e.GetProperty("type").GetString()).ToList();
        Assert.Contains("meeting.streams_started.v1", journal);
        Assert.Contains("meeting.recording_consent_set.v1", journal);
        Assert.Contains("meeting.streams_stopped.v1", journal);
    }

    [Fact]
    public async Task Without_a_recorder_the_moderator_hears_recorder_error_timeout_and_the_recording_is_off_again()
    {
        var owner = await Participant.JoinAsync(Node, Room, Olga, "Olga");
        var recording = RecordingOf(owner);
        await owner.Socket.SendAsync("recording", "start_stream", new { target_ids = new[] { recording } });
        await owner.Socket.WaitForAsync(m => m.Namespace == "recording" && m.Message == "stream_updated"
            && m.Payload.GetProperty("status").GetString() == "inactive", TimeSpan.FromSeconds(20));
        var error = await owner.Socket.WaitForAsync("recording", "recorder_error");
        Assert.Equal("timeout", error.Payload.GetProperty("error").GetString());
        var recorder = await Node.AsRecorderAsync();
        Assert.Equal(HttpStatusCode.Conflict, (await Assert.ThrowsAsync<OpenTalkApiException>(() => recorder.StartRecorderAsync(Room))).Status);
    }

    [Fact]
    public async Task A_recorder_that_drops_out_leaves_its_streams_in_error_for_everyone_to_see()
    {
        var owner = await Participant.JoinAsync(Node, Room, Olga, "Olga");
        var recording = RecordingOf(owner);
        await owner.Socket.SendAsync("recording", "start_stream", new { target_ids = new[] { recording } });
        var recorder = await Node.AsRecorderAsync();
        var service = await Node.ConnectAsync((await recorder.StartRecorderAsync(Room)).Ticket);
        await service.JoinAsync("Recorder");
        await service.WaitForAsync("control", "join_success");
        await service.SendAsync("recording_service", "stream_updated", new { target_id = recording, status = "active" });
        await owner.Socket.WaitForAsync(m => m.Message == "stream_updated" && m.Payload.GetProperty("status").GetString() == "active");

        await service.SendAsync("control", "leave");
        var failed = await owner.Socket.WaitForAsync(m => m.Message == "stream_updated" && m.Payload.GetProperty("status").GetString() == "error");
        Assert.Equal("recorder_gone", failed.Payload.GetProperty("reason").GetProperty("code").GetString());
        Assert.DoesNotContain(owner.Socket.Drain(), m => m.Message == "left");
        await service.DisposeAsync();
    }
}
