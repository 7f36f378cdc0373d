using System.Text;

namespace OpenTalk.Tests.Shared;

/// <summary>
/// SIPp scenarios of a phone calling in: it offers PCMA and telephone-event, keys digits as RFC 4733 events (SIPp's
/// recorded <c>dtmf_2833_*.pcap</c>), talks (its recorded <c>g711a.pcap</c>, 7 s; once, or twice with keys between) and then hangs up, or waits for the
/// gateway to hang up. The tests and the call-in bench both call with it.
/// </summary>
public static class CallInScenario
{
    private const string Pcaps = "/usr/share/sip-tester";

    /// <param name="keys">Keyed one after another, 0.4 s apart, after <paramref name="waitFirst"/>.</param>
    /// <param name="talkSeconds">After the keys: the recorded speech plays (7 s) and the call lasts this long.</param>
    /// <param name="gatewayHangsUp">Wait for the gateway's BYE instead of sending one.</param>
    /// <param name="keysBetweenTalks">When set: keyed after the speech, which then plays a second time.</param>
    /// <param name="number">The caller's number; SIPp's keywords such as <c>[call_number]</c> make it differ per call.</param>
    /// <param name="plays">How often the speech plays, each followed by <paramref name="talkSeconds"/> of the call.</param>
    /// <returns>The scenario's file.</returns>
    public static string Write(string keys, int talkSeconds, bool gatewayHangsUp, TimeSpan waitFirst, string keysBetweenTalks = "",
        string number = "+4930123454321", int plays = 1)
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("opentalk-sipp-scenario-").FullName, "call-in.xml");
        File.WriteAllText(file, Describe(keys, talkSeconds, gatewayHangsUp, waitFirst, keysBetweenTalks, number, plays));
        return file;
    }

    /// <summary>The scenario's XML (see <see cref="Write"/>).</summary>
    public static string Describe(string keys, int talkSeconds, bool gatewayHangsUp, TimeSpan waitFirst, string keysBetweenTalks = "",
        string number = "+4930123454321", int plays = 1)
    {
        var body = new StringBuilder();
        body.Append(Invite(number)).Append(Pause(waitFirst));
        Keys(body, keys);
        for (var play = 0; play < plays && talkSeconds > 0; play++)
        {
            body.Append(Play($"{Pcaps}/g711a.pcap")).Append(Pause(TimeSpan.FromSeconds(talkSeconds)));
            if (keysBetweenTalks.Length > 0)
            {
                Keys(body, keysBetweenTalks);
                body.Append(Play($"{Pcaps}/g711a.pcap")).Append(Pause(TimeSpan.FromSeconds(talkSeconds)));
            }
        }
        body.Append(gatewayHangsUp ? ByeFromGateway : ByeFromPhone(number));
        return $"""
            <?xml version="1.0" encoding="ISO-8859-1" ?>
            <!DOCTYPE scenario SYSTEM "sipp.dtd">
            <scenario name="call in">
            {body}
            </scenario>
            """;
    }

    private static void Keys(StringBuilder body, string keys)
    {
        foreach (var key in keys)
        {
            var name = key switch { '*' => "star", '#' => "pound", _ => key.ToString() };
            body.Append(Play($"{Pcaps}/dtmf_2833_{name}.pcap")).Append(Pause(TimeSpan.FromMilliseconds(400)));
        }
    }

    private static string Pause(TimeSpan length) => $"""  <pause milliseconds="{(int)length.TotalMilliseconds}" />{"\n"}""";

    private static string Play(string pcap) => $"""  <nop><action><exec play_pcap_audio="{pcap}" /></action></nop>{"\n"}""";

    private static string Invite(string number) => $$"""
          <send retrans="500">
            <![CDATA[
              INVITE sip:[service]@[remote_ip]:[remote_port] SIP/2.0
              Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
              From: <sip:{{number}}@[local_ip]:[local_port]>;tag=[pid]SIPpTag00[call_number]
              To: <sip:[service]@[remote_ip]:[remote_port]>
              Call-ID: [call_id]
              CSeq: 1 INVITE
              Contact: <sip:{{number}}@[local_ip]:[local_port];transport=[transport]>
              Max-Forwards: 70
              Content-Type: application/sdp
              Content-Length: [len]

              v=0
              o=phone 53655765 2353687637 IN IP[local_ip_type] [local_ip]
              s=-
              c=IN IP[media_ip_type] [media_ip]
              t=0 0
              m=audio [media_port] RTP/AVP 8 101
              a=rtpmap:8 PCMA/8000
              a=rtpmap:101 telephone-event/8000
              a=fmtp:101 0-15
              a=ptime:20
            ]]>
          </send>
          <recv response="100" optional="true" />
          <recv response="180" optional="true" />
          <recv response="200" rtd="true" />
          <send>
            <![CDATA[
              ACK sip:[service]@[remote_ip]:[remote_port] SIP/2.0
              Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
              From: <sip:{{number}}@[local_ip]:[local_port]>;tag=[pid]SIPpTag00[call_number]
              To: <sip:[service]@[remote_ip]:[remote_port]>[peer_tag_param]
              Call-ID: [call_id]
              CSeq: 1 ACK
              Max-Forwards: 70
              Content-Length: 0

            ]]>
          </send>

        """;

    private static string ByeFromPhone(string number) => $$"""
          <send retrans="500">
            <![CDATA[
              BYE sip:[service]@[remote_ip]:[remote_port] SIP/2.0
              Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
              From: <sip:{{number}}@[local_ip]:[local_port]>;tag=[pid]SIPpTag00[call_number]
              To: <sip:[service]@[remote_ip]:[remote_port]>[peer_tag_param]
              Call-ID: [call_id]
              CSeq: 2 BYE
              Max-Forwards: 70
              Content-Length: 0

            ]]>
          </send>
          <recv response="200" />

        """;

    private const string ByeFromGateway = """
          <recv request="BYE" />
          <send>
            <![CDATA[
              SIP/2.0 200 OK
              [last_Via:]
              [last_From:]
              [last_To:]
              [last_Call-ID:]
              [last_CSeq:]
              Content-Length: 0

            ]]>
          </send>

        """;
}
