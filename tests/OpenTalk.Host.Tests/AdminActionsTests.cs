using System.Net;
using OpenTalk.Client;
using OpenTalk.Host.Tests.Infrastructure;

namespace OpenTalk.Host.Tests;

/// <summary>
/// Administrators remove a participant or end a whole meeting from the administration API; nobody else may; every
/// such action (and every change to an account) is recorded with who did it and when, and shown to administrators.
/// </summary>
public sealed class AdminActionsTests : RoomTest
{
    [Fact]
    public async Task An_admin_removes_a_participant_then_ends_the_meeting_and_both_are_recorded()
    {
        var admin = await Node.AsAdminAsync();
        var olga = await Participant.JoinAsync(Node, Room, Olga, "Olga");
        var uma = await UserAsync("Uma");

        // Olga owns and moderates the room, but she is not an administrator of the server.
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(() => Olga.RemoveParticipantAsync(Room, uma.Id)));
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(() => Olga.EndMeetingAsync(Room)));
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(() => Olga.GetAdminActionsAsync()));
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(() => admin.RemoveParticipantAsync(Room, Guid.NewGuid())));

        await admin.RemoveParticipantAsync(Room, uma.Id);
        await uma.Socket.WaitForAsync("moderation", "kicked");
        await uma.Socket.WaitForCloseAsync();
        var left = await olga.Socket.WaitForAsync("control", "left");
        Assert.Equal(uma.Id, left.Payload.GetProperty("id").GetGuid());

        await admin.EndMeetingAsync(Room);
        await olga.Socket.WaitForAsync("moderation", "kicked");
        await olga.Socket.WaitForCloseAsync();
        var state = await Olga.GetAuditStateAsync(Room);
        Assert.DoesNotContain(state.GetProperty("participants").EnumerateArray(), p => p.GetProperty("in_room").GetBoolean());

        var actions = (await admin.GetAdminActionsAsync()).EnumerateArray().ToList();
        var newest = actions.Take(2).Select(a => (a.GetProperty("action").GetString(), a.GetProperty("target").GetString())).ToList();
        Assert.Equal([("end_meeting", Room.ToString()), ("remove_participant", $"{Room}/{uma.Id}")], newest);
        Assert.All(actions.Take(2), a => Assert.Equal("Administrator", a.GetProperty("admin_name").GetString()));
        // The accounts made for this test were recorded too.
        Assert.Contains(actions, a => a.GetProperty("action").GetString() == "create_account");
        await olga.Socket.DisposeAsync();
        await uma.Socket.DisposeAsync();
    }

    [Fact]
    public async Task Account_changes_are_recorded_with_what_changed()
    {
        var admin = await Node.AsAdminAsync();
        var id = (await admin.CreateAccountAsync("rita", "password-rita", "Rita", isAuditor: true)).GetProperty("id").GetGuid();
        await admin.PatchAccountAsync(id, disabled: true, password: "a-new-password-1");
        var actions = (await admin.GetAdminActionsAsync()).EnumerateArray()
            .Where(a => a.GetProperty("target").GetString() == "rita")
            .Select(a => (a.GetProperty("action").GetString(), a.GetProperty("detail").GetString())).ToList();
        Assert.Equal([("update_account", "disabled, password reset"), ("create_account", "auditor")], actions);
    }

    private static async Task<HttpStatusCode> StatusAsync(Func<Task> call) => (await Assert.ThrowsAsync<OpenTalkApiException>(call)).Status;
}
