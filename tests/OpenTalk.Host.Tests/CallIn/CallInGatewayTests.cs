using Microsoft.Extensions.Logging.Abstractions;
using OpenTalk.Host.Tests.Infrastructure;
using OpenTalk.Services.CallIn;
using OpenTalk.Tests.Shared;

namespace OpenTalk.Host.Tests.CallIn;

/// <summary>The phone gateway taking SIPp's calls on loopback, against a real node (no media server).</summary>
public sealed class CallInGatewayTests : RoomTest
{
    private const string Pin = "0123456789";
    private CallInGateway? _gateway;
    private readonly CancellationTokenSource _stop = new();
    private Task _serving = Task.CompletedTask;

    private async Task<CallInGateway> StartGatewayAsync(TrunkSettings? trunk = null)
    {
        _gateway = new CallInGateway(new CallInSettings
        {
            Node = Node.BaseUri, ClientId = TestNode.CallInClientId, ClientSecret = TestNode.CallInClientSecret,
            SipPort = 0, PromptFolder = Path.Combine(Path.GetTempPath(), "opentalk-test-prompts"), Trunk = trunk ?? new(),
        }, NullLoggerFactory.Instance);
        await _gateway.StartAsync(CancellationToken.None);
        _serving = _gateway.RunAsync(_stop.Token);
        return _gateway;
    }

    private async Task<string> ConferenceIdAsync() => (await Olga.PutSipAsync(Room, Pin)).GetProperty("sip_id").GetString()!;

    private static Task<(int ExitCode, string Output)> CallAsync(CallInGateway gateway, string scenario, int seconds) =>
        Sipp.RunAsync(gateway.UdpEndPoint!.Port, "u1", scenario, "call-in", seconds, []);

    [Fact]
    public async Task A_phone_keying_the_right_pair_joins_the_room_named_by_the_last_digits_of_its_number_until_it_hangs_up()
    {
        var sipId = await ConferenceIdAsync();
        var olga = await Participant.JoinAsync(Node, Room, Olga, "Olga");
        var gateway = await StartGatewayAsync();

        var call = CallAsync(gateway, CallInScenario.Write(sipId + Pin, talkSeconds: 3, gatewayHangsUp: false, TimeSpan.FromSeconds(1)), 60);

        var joined = await olga.Socket.WaitForAsync(m => m.Namespace == "control" && m.Message == "joined", TimeSpan.FromSeconds(45));
        var control = joined.Payload.GetProperty("control");
        Assert.Equal(("sip", "Phone …4321"), (control.GetProperty("participation_kind").GetString(), control.GetProperty("display_name").GetString()));
        var (exit, output) = await call;
        Assert.True(exit == 0, output);
        var left = await olga.Socket.WaitForAsync(m => m.Namespace == "control" && m.Message == "left", TimeSpan.FromSeconds(30));
        Assert.Equal(joined.Payload.GetProperty("id").GetGuid(), left.Payload.GetProperty("id").GetGuid());
        await Poll.UntilAsync(() => Task.FromResult(gateway.ActiveCalls), n => n == 0, 30);
    }

    [Fact]
    public async Task Baresip_as_an_independent_phone_hears_the_prompts_keys_the_pair_joins_and_leaves_when_it_hangs_up()
    {
        var sipId = await ConferenceIdAsync();
        var olga = await Participant.JoinAsync(Node, Room, Olga, "Olga");
        var gateway = await StartGatewayAsync();
        await using var phone = Baresip.Dial($"sip:call-in@127.0.0.1:{gateway.UdpEndPoint!.Port}", user: "+4930555123");

        // The greeting is on the line before anything is keyed.
        await Poll.UntilAsync(() => Task.FromResult(phone.HeardLoudness()), loud => loud > 300, 30);
        await phone.PressAsync(sipId + Pin);

        var joined = await olga.Socket.WaitForAsync(m => m.Namespace == "control" && m.Message == "joined", TimeSpan.FromSeconds(45));
        var control = joined.Payload.GetProperty("control");
        Assert.Equal(("sip", "Phone …5123"), (control.GetProperty("participation_kind").GetString(), control.GetProperty("display_name").GetString()));

        await phone.HangUpAsync();
        var left = await olga.Socket.WaitForAsync(m => m.Namespace == "control" && m.Message == "left", TimeSpan.FromSeconds(30));
        Assert.Equal(joined.Payload.GetProperty("id").GetGuid(), left.Payload.GetProperty("id").GetGuid());
        await Poll.UntilAsync(() => Task.FromResult(gateway.ActiveCalls), n => n == 0, 30);
    }

    [Fact]
    public async Task With_a_trunk_to_register_at_the_gateway_answers_its_challenge_stays_registered_and_unregisters_when_it_stops()
    {
        var scenario = Path.Combine(Directory.CreateTempSubdirectory("opentalk-sipp-registrar-").FullName, "registrar.xml");
        await File.WriteAllTextAsync(scenario, Registrar);
        var registrar = await Sipp.ServeAsync(scenario, seconds: 40);

        var gateway = await StartGatewayAsync(new TrunkSettings
        {
            Server = $"127.0.0.1:{registrar.Port}", Username = "4930123450", Password = "line-secret", Register = true,
        });
        await gateway.Registration!.WhenRegisteredAsync().WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(Sip.UserAgent.SipRegistrationState.Registered, gateway.Registration.State);
        Assert.True(gateway.Registration.ExpiresAt > DateTimeOffset.UtcNow.AddSeconds(100));

        await _stop.CancelAsync();
        await _gateway!.DisposeAsync();
        _gateway = null;
        var (exit, output) = await registrar.Exited.WaitAsync(TimeSpan.FromSeconds(45));
        Assert.True(exit == 0, output); // the registrar verified the Digest answer and saw the binding removed
    }

    /// <summary>A trunk's registrar: challenges, takes only the right Digest answer (verified by SIPp), then the removal.</summary>
    private const string Registrar = """
        <?xml version="1.0" encoding="ISO-8859-1" ?>
        <!DOCTYPE scenario SYSTEM "sipp.dtd">
        <scenario name="trunk registrar">
          <recv request="REGISTER" />
          <send>
            <![CDATA[
              SIP/2.0 401 Unauthorized
              [last_Via:]
              [last_From:]
              [last_To:];tag=[pid]SIPpTag01[call_number]
              [last_Call-ID:]
              [last_CSeq:]
              WWW-Authenticate: Digest realm="trunk.test", nonce="[pid]n[call_number]", qop="auth", algorithm=MD5
              Content-Length: 0

            ]]>
          </send>
          <recv request="REGISTER">
            <action>
              <verifyauth assign_to="valid" username="4930123450" password="line-secret" />
              <ereg regexp="sip:[^&gt;;]*" search_in="hdr" header="Contact:" assign_to="contact" />
            </action>
          </recv>
          <nop test="valid" next="accepted" />
          <send>
            <![CDATA[
              SIP/2.0 403 Forbidden
              [last_Via:]
              [last_From:]
              [last_To:];tag=[pid]SIPpTag01[call_number]
              [last_Call-ID:]
              [last_CSeq:]
              Content-Length: 0

            ]]>
          </send>
          <nop next="done" />
          <label id="accepted" />
          <send>
            <![CDATA[
              SIP/2.0 200 OK
              [last_Via:]
              [last_From:]
              [last_To:];tag=[pid]SIPpTag01[call_number]
              [last_Call-ID:]
              [last_CSeq:]
              Contact: <[$contact]>;expires=600
              Content-Length: 0

            ]]>
          </send>
          <recv request="REGISTER">
            <action>
              <ereg regexp="expires=0" search_in="hdr" header="Contact:" check_it="true" assign_to="unbound" />
            </action>
          </recv>
          <Reference variables="unbound" />
          <send>
            <![CDATA[
              SIP/2.0 200 OK
              [last_Via:]
              [last_From:]
              [last_To:];tag=[pid]SIPpTag01[call_number]
              [last_Call-ID:]
              [last_CSeq:]
              Content-Length: 0

            ]]>
          </send>
          <label id="done" />
        </scenario>
        """;

    [Fact]
    public async Task A_phone_keying_a_wrong_pin_three_times_is_hung_up_on()
    {
        var sipId = await ConferenceIdAsync();
        var gateway = await StartGatewayAsync();
        var wrong = string.Concat(Enumerable.Repeat(sipId + "9999999999", 3));

        var (exit, output) = await CallAsync(gateway, CallInScenario.Write(wrong, talkSeconds: 0, gatewayHangsUp: true, TimeSpan.FromSeconds(1)), 90);

        Assert.True(exit == 0, output); // the scenario ends only with the gateway's BYE
        await Poll.UntilAsync(() => Task.FromResult(gateway.ActiveCalls), n => n == 0, 30);
    }

    [Fact]
    public async Task A_phone_hanging_up_during_the_prompts_ends_the_call()
    {
        await ConferenceIdAsync();
        var gateway = await StartGatewayAsync();

        var (exit, output) = await CallAsync(gateway, CallInScenario.Write("", talkSeconds: 0, gatewayHangsUp: false, TimeSpan.FromSeconds(2)), 30);

        Assert.True(exit == 0, output);
        await Poll.UntilAsync(() => Task.FromResult(gateway.ActiveCalls), n => n == 0, 30);
    }

    public override async Task DisposeAsync()
    {
        await _stop.CancelAsync();
        await _serving.ContinueWith(_ => { }, TaskScheduler.Default);
        if (_gateway is not null)
            await _gateway.DisposeAsync();
        _stop.Dispose();
        await base.DisposeAsync();
    }
}
