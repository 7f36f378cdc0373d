using System.Text;
using OpenTalk.Actors.Meetings;
using OpenTalk.Host.Signaling;

namespace OpenTalk.Host.Tests.Bugs;

/// <summary>
/// A command is used after the frame's JSON document is disposed. Capturing a JsonElement (when commands were built
/// later, by the connection) made <c>change_display_name</c> crash the connection actor, which lost track of its meeting.
/// </summary>
public class ParsedCommandsOutliveTheirFrame
{
    [Theory]
    [InlineData("{\"namespace\":\"moderation\",\"payload\":{\"action\":\"change_display_name\",\"target\":\"6f1c2b2e-8f0e-4a51-9a43-5a3ad2c7a3b1\",\"new_name\":\"Gustav\"}}")]
    [InlineData("{\"namespace\":\"moderation\",\"payload\":{\"action\":\"mute\",\"targets\":[\"6f1c2b2e-8f0e-4a51-9a43-5a3ad2c7a3b1\"],\"force\":true}}")]
    [InlineData("{\"namespace\":\"moderation\",\"payload\":{\"action\":\"debrief\",\"kick_scope\":\"users_and_guests\"}}")]
    [InlineData("{\"namespace\":\"timer\",\"payload\":{\"action\":\"update_ready_status\",\"timer_id\":\"6f1c2b2e-8f0e-4a51-9a43-5a3ad2c7a3b1\",\"status\":true}}")]
    [InlineData("{\"namespace\":\"timer\",\"payload\":{\"action\":\"start\",\"kind\":\"countdown\",\"duration\":60,\"title\":\"Break\"}}")]
    [InlineData("{\"namespace\":\"chat\",\"payload\":{\"action\":\"send_message\",\"content\":\"hi\",\"scope\":\"private\",\"target\":\"6f1c2b2e-8f0e-4a51-9a43-5a3ad2c7a3b1\"}}")]
    [InlineData("{\"namespace\":\"moderation\",\"payload\":{\"action\":\"kick\",\"target\":\"6f1c2b2e-8f0e-4a51-9a43-5a3ad2c7a3b1\"}}")]
    public void Commands_hold_their_values_after_the_frame_is_gone(string frame)
    {
        var parsed = Assert.IsType<ParsedMessage.ForMeeting>(ClientMessageParser.Parse(Encoding.UTF8.GetBytes(frame), new RoomId(Guid.NewGuid()), new ParticipantId(Guid.NewGuid())));
        GC.Collect();
        var command = parsed.Command;
        if (command is ChangeDisplayName rename)
            Assert.Equal("Gustav", rename.NewName);
        if (command is SetReadyStatus ready)
            Assert.True(ready.Ready);
    }
}
