using OpenTalk.Host.Tests.Infrastructure;

namespace OpenTalk.Host.Tests.Reports;

/// <summary>The meeting report through a node: a moderator's request becomes a PDF asset that lists who came and what was voted.</summary>
public sealed class MeetingReportTests : RoomTest
{
    [Fact]
    public async Task A_moderator_s_report_lists_everyone_who_came_with_their_role_and_the_vote_s_digest_and_only_she_is_told()
    {
        var olga = await Participant.JoinAsync(Node, Room, Olga, "Olga");
        var ann = await Participant.JoinAsync(Node, Room, (await Node.NewUserWithIdAsync("ann", email: "ann@example.org")).Api, "Ann");
        var bob = await GuestAsync("Bob");

        await olga.Socket.SendAsync("legal_vote", "start", new
        {
            name = "Budget 2027", kind = "roll_call", allowed_participants = new[] { olga.Id, ann.Id }, enable_abstain = true, auto_close = true,
        });
        var voteId = (await ann.Socket.WaitForAsync("legal_vote", "started")).Payload.GetProperty("legal_vote_id").GetGuid();
        await olga.Socket.SendAsync("legal_vote", "vote", new { legal_vote_id = voteId, option = "yes" });
        await ann.Socket.SendAsync("legal_vote", "vote", new { legal_vote_id = voteId, option = "abstain" });
        var digest = (await olga.Socket.WaitForAsync("legal_vote", "stopped")).Payload.GetProperty("votes_digest").GetString()!;

        // A guest may not ask for it.
        await bob.Socket.SendAsync("meeting_report", "generate_attendance_report", new { include_email_addresses = false });
        Assert.Equal("insufficient_permissions", (await bob.Socket.WaitForAsync(m => m.Namespace == "meeting_report" && m.Message == "error")).Error);
        await bob.Socket.SendAsync("control", "leave", new { });
        await olga.Socket.WaitForAsync(m => m.Namespace == "control" && m.Message == "left" && m.Payload.GetProperty("id").GetGuid() == bob.Id);

        await olga.Socket.SendAsync("meeting_report", "generate_attendance_report", new { include_email_addresses = true });
        var announced = await olga.Socket.WaitForAsync(m => m.Namespace == "meeting_report" && m.Message == "pdf_asset", TimeSpan.FromSeconds(30));
        var assetId = announced.Payload.GetProperty("asset_id").GetGuid();
        Assert.Matches(@"^meeting_report_\d{4}-\d\d-\d\d_\d\d-\d\d-\d\d-UTC\.pdf$", announced.Payload.GetProperty("filename").GetString());

        // Ann hears nothing of it: her own chat message, sent after, is the next thing she is told.
        await ann.Socket.SendAsync("chat", "send_message", new { content = "thanks", scope = "global" });
        var next = await ann.Socket.WaitForAsync(m => m.Namespace == "meeting_report" || (m.Namespace == "chat" && m.Message == "message_sent"));
        Assert.Equal("chat", next.Namespace);

        var listed = await Poll.UntilAsync(() => Olga.ListRoomAssetsAsync(Room), assets => assets.Any(a => a.Id == assetId));
        var asset = Assert.Single(listed, a => a.Id == assetId);
        Assert.Equal(("meeting_report", "meeting_report"), (asset.Namespace, asset.Kind));
        using var pdf = new MemoryStream();
        await Olga.DownloadAssetAsync(Room, assetId, pdf);
        var text = PdfContent.TextOf(pdf.ToArray(), layout: true);

        Assert.Contains("Meeting report", text);
        Assert.Contains("Participants (3)", text);
        // One row per person, in the order they came: name, role, joined, left (Bob only), e-mail (registered users only).
        var time = @"\d\d:\d\d:\d\d";
        var rows = text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && l.Split(' ')[0] is "Olga" or "Ann" or "Bob").ToList();
        Assert.Equal(3, rows.Count);
        Assert.Matches($@"^Olga\s+moderator\s+{time}\s+–\s*$", rows[0]);
        Assert.Matches($@"^Ann\s+user\s+{time}\s+–\s+ann@example\.org$", rows[1]);
        Assert.Matches($@"^Bob\s+guest\s+{time}\s+{time}\s*$", rows[2]);
        Assert.Contains("Budget 2027", text);
        Assert.Contains("Yes: 1, No: 0, Abstain: 1", text);
        Assert.Contains(digest, text);
    }

    [Fact]
    public async Task When_the_session_ends_a_report_without_addresses_is_left_for_the_owner()
    {
        var olga = await Participant.JoinAsync(Node, Room, Olga, "Olga");
        var bob = await GuestAsync("Bob");
        await bob.Socket.SendAsync("control", "leave", new { });
        await olga.Socket.WaitForAsync(m => m.Namespace == "control" && m.Message == "left");
        await olga.Socket.SendAsync("control", "leave", new { });

        var listed = await Poll.UntilAsync(() => Olga.ListRoomAssetsAsync(Room), assets => assets.Any(a => a.Namespace == "meeting_report"));
        var asset = Assert.Single(listed, a => a.Namespace == "meeting_report");
        using var pdf = new MemoryStream();
        await Olga.DownloadAssetAsync(Room, asset.Id, pdf);
        var text = PdfContent.TextOf(pdf.ToArray(), layout: true);
        Assert.Contains("Participants (2)", text);
        Assert.DoesNotContain("E-mail", text);
        Assert.Matches(@"Session: \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC to \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC", text);
    }
}
