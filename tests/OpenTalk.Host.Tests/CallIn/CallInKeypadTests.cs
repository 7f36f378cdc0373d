using Microsoft.Extensions.Logging.Abstractions;
using OpenTalk.Host.Tests.Infrastructure;
using OpenTalk.Services.CallIn;

namespace OpenTalk.Host.Tests.CallIn;

/// <summary>A caller keying in the conference id and PIN, against a real node (no media server: the keypad and the join).</summary>
public sealed class CallInKeypadTests : RoomTest
{
    private const string Pin = "0123456789";
    private static readonly string PromptFolder = Path.Combine(Path.GetTempPath(), "opentalk-test-prompts");

    private async Task<(Task Session, TestPhone Phone)> CallAsync(int keySeconds = 10)
    {
        var prompts = await PromptLibrary.LoadAsync(PromptFolder, "en");
        var gateway = await Node.AsCallInGatewayAsync();
        var settings = new CallInSettings { Node = Node.BaseUri, KeySeconds = keySeconds };
        var phone = new TestPhone();
        var session = new CallSession(phone.Leg, settings, prompts, _ => Task.FromResult(gateway), NullLogger.Instance);
        return (session.RunAsync(CancellationToken.None), phone);
    }

    private async Task<string> ConferenceIdAsync() => (await Olga.PutSipAsync(Room, Pin)).GetProperty("sip_id").GetString()!;

    [Fact]
    public async Task Three_wrong_entries_end_the_call_after_saying_so()
    {
        var sipId = await ConferenceIdAsync();
        var (session, phone) = await CallAsync();
        await using var _ = phone;
        await Poll.UntilAsync(() => Task.FromResult(phone.Loudness(TimeSpan.Zero, phone.Now)), loud => loud > 300, 20); // the welcome

        for (var attempt = 0; attempt < 3; attempt++)
            await phone.PressAsync(sipId + "9999999999");

        await phone.Leg.EndedByGateway.WaitAsync(TimeSpan.FromSeconds(60));
        await session.WaitAsync(TimeSpan.FromSeconds(10));
        // The goodbye was said before the line went down: the last seconds were not silent.
        Assert.True(phone.Loudness(phone.Now - TimeSpan.FromSeconds(4), phone.Now) > 300, "no goodbye before hanging up");
    }

    [Fact]
    public async Task A_caller_who_keys_nothing_hears_the_prompt_again_then_goodbye()
    {
        await ConferenceIdAsync();
        var (session, phone) = await CallAsync(keySeconds: 1);
        await using var _ = phone;

        await phone.Leg.EndedByGateway.WaitAsync(TimeSpan.FromSeconds(90));
        await session.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Hash_starts_again_and_the_right_pair_brings_the_caller_into_the_room_until_they_hang_up()
    {
        var sipId = await ConferenceIdAsync();
        var olga = await Participant.JoinAsync(Node, Room, Olga, "Olga");
        var (session, phone) = await CallAsync();
        await using var _ = phone;

        await phone.PressAsync("12345#");
        await phone.PressAsync(sipId + Pin);

        var joined = await olga.Socket.WaitForAsync(m => m.Namespace == "control" && m.Message == "joined", TimeSpan.FromSeconds(30));
        var control = joined.Payload.GetProperty("control");
        Assert.Equal(("sip", "Phone …4321"), (control.GetProperty("participation_kind").GetString(), control.GetProperty("display_name").GetString()));

        phone.Leg.PutDown();
        await session.WaitAsync(TimeSpan.FromSeconds(30));
        var left = await olga.Socket.WaitForAsync(m => m.Namespace == "control" && m.Message == "left", TimeSpan.FromSeconds(30));
        Assert.Equal(joined.Payload.GetProperty("id").GetGuid(), left.Payload.GetProperty("id").GetGuid());
        Assert.False(phone.Leg.EndedByGateway.IsCompleted);
    }

    [Fact]
    public async Task With_the_waiting_room_on_a_caller_waits_until_let_in_and_is_hung_up_on_when_kicked()
    {
        var room = (await Olga.CreateRoomAsync(new Protocol.Rest.CreateRoomRequest(null, WaitingRoom: true))).Id;
        var sipId = (await Olga.PutSipAsync(room, Pin)).GetProperty("sip_id").GetString()!;
        var olga = await Participant.JoinAsync(Node, room, Olga, "Olga");
        var (session, phone) = await CallAsync();
        await using var _ = phone;

        await phone.PressAsync(sipId + Pin);
        var waiting = await olga.Socket.WaitForAsync(m => m.Message == "joined_waiting_room", TimeSpan.FromSeconds(30));
        var callerId = waiting.Payload.GetProperty("id").GetGuid();
        // Told where they are: the waiting prompt plays (after the PIN, the line is not silent).
        var keyed = phone.Now;
        await Poll.UntilAsync(() => Task.FromResult(phone.Loudness(keyed, phone.Now)), loud => loud > 300, 20);

        await olga.Socket.SendAsync("moderation", "accept", new { target = callerId });
        var joined = await olga.Socket.WaitForAsync(m => m.Namespace == "control" && m.Message == "joined", TimeSpan.FromSeconds(30));
        Assert.Equal(callerId, joined.Payload.GetProperty("id").GetGuid());

        await olga.Socket.SendAsync("moderation", "kick", new { target = callerId });
        await phone.Leg.EndedByGateway.WaitAsync(TimeSpan.FromSeconds(90)); // after saying so (a loaded machine is slow)
        await session.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(phone.Loudness(phone.Now - TimeSpan.FromSeconds(3), phone.Now) > 300, "hung up without a word");
    }

    [Fact]
    public async Task A_caller_removed_the_moment_they_are_let_in_is_told_and_hung_up_on()
    {
        var room = (await Olga.CreateRoomAsync(new Protocol.Rest.CreateRoomRequest(null, WaitingRoom: true))).Id;
        var sipId = (await Olga.PutSipAsync(room, Pin)).GetProperty("sip_id").GetString()!;
        var olga = await Participant.JoinAsync(Node, room, Olga, "Olga");
        var (session, phone) = await CallAsync();
        await using var _ = phone;
        await phone.PressAsync(sipId + Pin);
        var callerId = (await olga.Socket.WaitForAsync(m => m.Message == "joined_waiting_room", TimeSpan.FromSeconds(30))).Payload.GetProperty("id").GetGuid();

        // Let in and out again before the gateway has set up the caller's audio: the node closes their socket while
        // the session still sends its first commands.
        await olga.Socket.SendAsync("moderation", "accept", new { target = callerId });
        await olga.Socket.SendAsync("moderation", "kick", new { target = callerId });

        await phone.Leg.EndedByGateway.WaitAsync(TimeSpan.FromSeconds(60));
        await session.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(phone.Loudness(phone.Now - TimeSpan.FromSeconds(3), phone.Now) > 300, "hung up without a word");
    }

    [Fact]
    public async Task When_the_moderator_ends_the_meeting_for_everyone_the_caller_is_told_and_hung_up_on()
    {
        var sipId = await ConferenceIdAsync();
        var olga = await Participant.JoinAsync(Node, Room, Olga, "Olga");
        var (session, phone) = await CallAsync();
        await using var _ = phone;
        await phone.PressAsync(sipId + Pin);
        await olga.Socket.WaitForAsync(m => m.Namespace == "control" && m.Message == "joined", TimeSpan.FromSeconds(30));

        await olga.Socket.SendAsync("moderation", "debrief", new { kick_scope = "all" });

        await phone.Leg.EndedByGateway.WaitAsync(TimeSpan.FromSeconds(30));
        await session.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(phone.Loudness(phone.Now - TimeSpan.FromSeconds(3), phone.Now) > 300, "hung up without a word");
    }

    [Fact]
    public void A_caller_is_shown_by_their_phones_name_or_the_last_digits_of_their_number()
    {
        Assert.Equal("Ada Lovelace", CallSession.DisplayNameOf(" Ada Lovelace ", "+4930123", 4));
        Assert.Equal("Phone …4321", CallSession.DisplayNameOf("+49 30 1234 4321", "+49 30 1234 4321", 4));
        Assert.Equal("Phone …21", CallSession.DisplayNameOf(null, "21", 4));
        Assert.Equal("Phone", CallSession.DisplayNameOf(null, "anonymous", 4));
    }
}
