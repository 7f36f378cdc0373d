using OpenTalk.Host.Tests.Infrastructure;
using OpenTalk.Tests.Shared;

namespace OpenTalk.Host.Tests.CallIn;

/// <summary>
/// A moderator calls a phone through the node's own gateway (<c>CallIn:InProcess</c>) and its trunk: baresip picks
/// up as the callee, SIPp answers busy.
/// </summary>
public sealed class DialOutCallTests : RoomTest
{
    private readonly int _trunkPort = Sipp.FreePort();
    private readonly int _sipPort = Sipp.FreePort();

    protected override string[] NodeArguments =>
    [
        "--CallIn:InProcess", "true", "--CallIn:SipPort", $"{_sipPort}", "--CallIn:Trunk:Server", $"127.0.0.1:{_trunkPort}",
        "--CallIn:PromptFolder", Path.Combine(Path.GetTempPath(), "opentalk-test-prompts"),
    ];

    private static async Task<OpenTalk.Client.ServerMessage> CallUpdatedAsync(Participant moderator, string status) =>
        await moderator.Socket.WaitForAsync(m => m.Namespace == "dial_out" && m.Message == "call_updated"
            && m.Payload.GetProperty("status").GetString() == status, TimeSpan.FromSeconds(60));

    [Fact]
    public async Task The_phone_a_moderator_calls_rings_and_once_picked_up_is_in_the_meeting_until_it_hangs_up()
    {
        var olga = await Participant.JoinAsync(Node, Room, Olga, "Olga");
        await using var phone = Baresip.Answering("+4930555", _trunkPort);

        await olga.Socket.SendAsync("dial_out", "dial", new { number = "+49 30 555" });

        var joined = await olga.Socket.WaitForAsync(m => m.Namespace == "control" && m.Message == "joined", TimeSpan.FromSeconds(60));
        var control = joined.Payload.GetProperty("control");
        Assert.Equal(("sip", "Phone …0555"), (control.GetProperty("participation_kind").GetString(), control.GetProperty("display_name").GetString()));
        var answered = await CallUpdatedAsync(olga, "answered");
        Assert.Equal(joined.Payload.GetProperty("id").GetGuid(), answered.Payload.GetProperty("participant_id").GetGuid());
        // The callee is told where they are.
        await Poll.UntilAsync(() => Task.FromResult(phone.HeardLoudness()), loud => loud > 300, 30);

        await phone.HangUpAsync();
        var left = await olga.Socket.WaitForAsync(m => m.Namespace == "control" && m.Message == "left", TimeSpan.FromSeconds(30));
        Assert.Equal(joined.Payload.GetProperty("id").GetGuid(), left.Payload.GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task A_busy_line_is_told_to_the_moderator()
    {
        var olga = await Participant.JoinAsync(Node, Room, Olga, "Olga");
        var scenario = Path.Combine(Directory.CreateTempSubdirectory("opentalk-sipp-busy-").FullName, "busy.xml");
        await File.WriteAllTextAsync(scenario, """
            <?xml version="1.0" encoding="ISO-8859-1" ?>
            <!DOCTYPE scenario SYSTEM "sipp.dtd">
            <scenario name="busy line">
              <recv request="INVITE" />
              <send>
                <![CDATA[
                  SIP/2.0 486 Busy Here
                  [last_Via:]
                  [last_From:]
                  [last_To:];tag=[pid]SIPpTag01[call_number]
                  [last_Call-ID:]
                  [last_CSeq:]
                  Content-Length: 0

                ]]>
              </send>
              <recv request="ACK" />
            </scenario>
            """);
        // The trunk the node was started with: SIPp on its port, answering busy.
        var trunk = await Sipp.ServeAsync(scenario, seconds: 35, port: _trunkPort);

        await olga.Socket.SendAsync("dial_out", "dial", new { number = "+4930777" });

        var failed = await CallUpdatedAsync(olga, "failed");
        Assert.Equal(("busy", "+4930777"), (failed.Payload.GetProperty("reason").GetString(), failed.Payload.GetProperty("number").GetString()));
        var (exit, output) = await trunk.Exited.WaitAsync(TimeSpan.FromSeconds(45));
        Assert.True(exit == 0, output);
    }
}
