using OpenTalk.Host.Dispatch;
using OpenTalk.Host.Tests.Infrastructure;
using OpenTalk.Tests.Shared;

namespace OpenTalk.Host.Tests.CallIn;

/// <summary>The node taking phone calls itself (<c>CallIn:InProcess=true</c>), with a service account it makes for itself.</summary>
public sealed class CallInInProcessTests : RoomTest
{
    private const string Pin = "0123456789";
    private static readonly int SipPort = Sipp.FreePort();

    protected override string[] NodeArguments =>
        ["--CallIn:InProcess", "true", "--CallIn:SipPort", $"{SipPort}", "--CallIn:PromptFolder", Path.Combine(Path.GetTempPath(), "opentalk-test-prompts")];

    [Fact]
    public async Task A_phone_call_to_the_node_itself_brings_the_caller_into_the_room()
    {
        var sipId = (await Olga.PutSipAsync(Room, Pin)).GetProperty("sip_id").GetString()!;
        var olga = await Participant.JoinAsync(Node, Room, Olga, "Olga");
        Assert.True(File.Exists(Path.Combine(Node.DataFolder, InProcessCallIn.AccountFile)));

        var scenario = CallInScenario.Write(sipId + Pin, talkSeconds: 2, gatewayHangsUp: false, TimeSpan.FromSeconds(2));
        var call = Sipp.RunAsync(SipPort, "u1", scenario, "call-in", 60, []);

        var joined = await olga.Socket.WaitForAsync(m => m.Namespace == "control" && m.Message == "joined", TimeSpan.FromSeconds(50));
        Assert.Equal("sip", joined.Payload.GetProperty("control").GetProperty("participation_kind").GetString());
        var (exit, output) = await call;
        Assert.True(exit == 0, output);
    }

    [Fact]
    public async Task The_call_in_command_names_the_settings_it_misses()
    {
        var error = new StringWriter();
        var original = Console.Error;
        Console.SetError(error);
        try
        {
            Assert.Equal(2, await CallInCommand.RunAsync(["--CallIn:Node", "http://127.0.0.1:1/"]));
        }
        finally
        {
            Console.SetError(original);
        }
        Assert.Contains("CallIn:ClientId, CallIn:ClientSecret", error.ToString(), StringComparison.Ordinal);
    }
}
