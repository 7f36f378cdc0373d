using OpenTalk.Actors.Meetings;
using System.Text;
using CsCheck;
using OpenTalk.Host.Signaling;
using OpenTalk.Protocol.Signaling;

namespace OpenTalk.Host.Tests.Signaling;

/// <summary>The parser answers every frame with a command or a named error, and what it builds builds.</summary>
public sealed class ParserFuzzTests
{
    private static readonly HashSet<string> KnownNamespaces =
    [
        Namespaces.Control, Namespaces.Echo, Namespaces.Moderation, Namespaces.Media, Namespaces.Chat, Namespaces.Timer,
        Namespaces.Polls, Namespaces.Automod, Namespaces.LegalVote, Namespaces.SubroomAudio, Namespaces.Breakout, Namespaces.Recording,
        Namespaces.RecordingService, Namespaces.CallIn, Namespaces.DialOut, Namespaces.MeetingNotes, Namespaces.Whiteboard,
        Namespaces.MeetingReport,
    ];

    [Fact]
    public void Every_sample_frame_parses_into_a_command()
    {
        foreach (var (ns, action, payload) in InboundFrames.All)
        {
            var parsed = ClientMessageParser.Parse(Encoding.UTF8.GetBytes(InboundFrames.Frame(ns, action, payload).ToJsonString()), new RoomId(Guid.NewGuid()), new ParticipantId(Guid.NewGuid()));
            Assert.False(parsed is ParsedMessage.Invalid, $"{ns}/{action} {payload}: {parsed}");
        }
    }

    [Fact]
    public void Any_value_in_any_field_gives_a_command_or_an_error_and_never_throws()
    {
        FuzzValues.Frame.Sample(sample =>
        {
            var parsed = ClientMessageParser.Parse(Encoding.UTF8.GetBytes(sample.Frame), new RoomId(Guid.NewGuid()), new ParticipantId(Guid.NewGuid()));
            switch (parsed)
            {
                case ParsedMessage.Invalid invalid:
                    Assert.Contains(invalid.Namespace, KnownNamespaces);
                    Assert.False(string.IsNullOrEmpty(invalid.Error));
                    break;
                case ParsedMessage.ForMeeting command:
                    Assert.NotNull(command.Command);
                    break;
            }
        }, iter: 20_000);
    }

    [Theory]
    [InlineData("""{"namespace":"\ud800","payload":{"action":"x"}}""", "control", "invalid_envelope")]
    [InlineData("""{"namespace":"control","payload":{"action":"join","display_name":"\ud800"}}""", "control", "invalid_payload")]
    [InlineData("""{"namespace":"chat","payload":{"action":"send_message","content":"a\udfffb"}}""", "chat", "invalid_payload")]
    [InlineData("""{"namespace":"media","payload":{"action":"configure","media_session_type":"video","target":"4b3c1f0e-6a1d-4f57-9a43-0f6e2f1c0a11","configuration":{"substream":"1"}}}""", "media", "invalid_payload")]
    [InlineData("""{"namespace":"timer","payload":{"action":"start","kind":"countdown","duration":"60"}}""", "timer", "invalid_payload")]
    // media has always read target, and subroom_audio participant_ids, for every action: text that is none refuses them all.
    [InlineData("""{"namespace":"media","payload":{"action":"unpublish","media_session_type":"video","target":"\ud800"}}""", "media", "invalid_payload")]
    [InlineData("""{"namespace":"subroom_audio","payload":{"action":"leave_whisper_group","whisper_id":"4b3c1f0e-6a1d-4f57-9a43-0f6e2f1c0a11","participant_ids":["\ud800"]}}""", "subroom_audio", "invalid_payload")]
    [InlineData("""{"namespace":"media","payload":{"action":"nope","target":"\ud800"}}""", "media", "invalid_payload")]
    [InlineData("""{"namespace":"subroom_audio","payload":{"action":"nope","participant_ids":["\ud800"]}}""", "subroom_audio", "invalid_payload")]
    // A name that is no valid text, anywhere in the payload (some of these were let through before, depending on the names around them).
    [InlineData("""{"namespace":"moderation","payload":{"\ud800":0,"action":"kick","target":"4b3c1f0e-6a1d-4f57-9a43-0f6e2f1c0a11"}}""", "moderation", "invalid_payload")]
    [InlineData("""{"namespace":"chat","payload":{"action":"send_message","content":[1],"content":"hi","\ud800":1}}""", "chat", "invalid_payload")]
    public void Values_that_cannot_be_read_as_what_they_claim_are_invalid_payloads(string frame, string ns, string error)
    {
        var parsed = Assert.IsType<ParsedMessage.Invalid>(ClientMessageParser.Parse(Encoding.UTF8.GetBytes(frame), new RoomId(Guid.NewGuid()), new ParticipantId(Guid.NewGuid())));
        Assert.Equal((ns, error), (parsed.Namespace, parsed.Error));
    }

    [Theory]
    [InlineData("""{"namespace":"moderation","payload":{"action":"kick","target":5,"target":"4b3c1f0e-6a1d-4f57-9a43-0f6e2f1c0a11"}}""")]
    [InlineData("""{"namespace":"moderation","payload":{"action":"kick","target":"\ud800","target":"4b3c1f0e-6a1d-4f57-9a43-0f6e2f1c0a11"}}""")]
    [InlineData("""{"namespace":"chat","payload":{"action":"send_message","content":[1],"content":"hi"}}""")]
    [InlineData("""{"namespace":"media","payload":{"action":"sdp_candidate","media_session_type":"video","target":"4b3c1f0e-6a1d-4f57-9a43-0f6e2f1c0a11","candidate":{"candidate":1,"candidate":"candidate:1 1 udp 1 127.0.0.1 9 typ host","sdpMLineIndex":"x","sdpMLineIndex":0}}}""")]
    public void A_name_given_twice_counts_with_its_last_value_whatever_the_first_held(string frame)
    {
        var parsed = ClientMessageParser.Parse(Encoding.UTF8.GetBytes(frame), new RoomId(Guid.NewGuid()), new ParticipantId(Guid.NewGuid()));
        Assert.IsNotType<ParsedMessage.Invalid>(parsed);
    }

    [Theory]
    [InlineData("coffee-break")] // as OpenTalk's apps send it
    [InlineData("coffee_break")] // as our web app did before: a tab opened before an upgrade still works
    public void A_coffee_break_is_read_in_either_spelling(string style)
    {
        var frame = $$$"""{"namespace":"timer","payload":{"action":"start","kind":"countdown","duration":300,"style":"{{{style}}}"}}""";
        var parsed = Assert.IsType<ParsedMessage.ForMeeting>(ClientMessageParser.Parse(Encoding.UTF8.GetBytes(frame), new RoomId(Guid.NewGuid()), new ParticipantId(Guid.NewGuid())));
        Assert.Equal(RoomTimerStyle.CoffeeBreak, Assert.IsType<StartRoomTimer>(parsed.Command).Style);
    }

    [Fact]
    public void Hands_to_lower_are_named_one_by_one_or_as_a_list()
    {
        Guid[] ids = [Guid.NewGuid(), Guid.NewGuid()];
        ResetRaisedHands Parse(string target) => Assert.IsType<ResetRaisedHands>(Assert.IsType<ParsedMessage.ForMeeting>(ClientMessageParser.Parse(
            Encoding.UTF8.GetBytes($$$"""{"namespace":"moderation","payload":{"action":"reset_raised_hands"{{{target}}}}}"""),
            new RoomId(Guid.NewGuid()), new ParticipantId(Guid.NewGuid()))).Command);

        Assert.Equal([ids[0]], Parse($",\"target\":\"{ids[0]}\"").Targets);
        Assert.Equal(ids, Parse($""","target":["{ids[0]}","{ids[1]}"]""").Targets);
        Assert.Null(Parse("").Targets); // everyone's
    }
}
