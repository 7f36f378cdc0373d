using System.Net.WebSockets;
using OpenTalk.Actors.Collab;
using OpenTalk.Collab.Yjs;
using OpenTalk.Host.Tests.Infrastructure;

namespace OpenTalk.Host.Tests.Collab;

/// <summary>
/// The notes' and whiteboard's sockets against a node: changes reach the others at once, readers cannot change the
/// text, late comers get all of it, people who leave lose the socket, and a moderator's export is a PDF asset with the text.
/// </summary>
public sealed class MeetingNotesTests : RoomTest
{
    private static string Url(Participant p, string message) =>
        p.Socket.WaitForAsync(m => m.Namespace == "meeting_notes" && m.Message == message, TimeSpan.FromSeconds(20)).Result
            .Payload.GetProperty("url").GetString()!;

    private static string TextOf(byte[] update) =>
        string.Concat(YDocument.FromUpdate(update).XmlFragment("default").OfType<YXmlElement>()
            .SelectMany(p => p.Children.OfType<YXmlText>()).SelectMany(t => t.Runs).Select(r => r.Text + "|"));

    [Fact]
    public async Task A_writer_s_change_reaches_the_reader_at_once_a_reader_s_is_refused_and_a_late_comer_gets_the_whole_text()
    {
        var olga = await Participant.JoinAsync(Node, Room, Olga, "Olga");
        var bob = await GuestAsync("Bob");
        await olga.Socket.SendAsync("meeting_notes", "select_writer", new { participant_ids = new[] { olga.Id } });
        var olgaPage = Url(olga, "write_url");
        var bobPage = Url(bob, "read_url");
        Assert.EndsWith("&mode=read", bobPage);

        await using var writer = await CollabSocket.OpenAsync(Node.BaseUri, olgaPage);
        await using var reader = await CollabSocket.OpenAsync(Node.BaseUri, bobPage);
        // Both are asked what they have (y-websocket's server starts with its state vector).
        Assert.IsType<SyncMessage.Step1>(await writer.ReceiveAsync());
        Assert.IsType<SyncMessage.Step1>(await reader.ReceiveAsync());

        var minutes = YjsEdits.Paragraph("Budget approved unanimously", client: 1001);
        await writer.SendAsync(SyncProtocol.Update(minutes));
        var relayed = Assert.IsType<SyncMessage.Update>(await reader.WaitForAsync(m => m is SyncMessage.Update));
        Assert.Equal(minutes, relayed.Data);

        // The reader's own edit is refused (y-websocket's "permission denied") and never reaches the document.
        await reader.SendAsync(SyncProtocol.Update(YjsEdits.Paragraph("Bob was here", client: 2002)));
        var denied = Assert.IsType<CollabSocket.Unknown>(await reader.WaitForAsync(m => m is CollabSocket.Unknown));
        Assert.Equal(2, denied.Data[0]);

        // Someone opening the notes later gets everything so far, however the first writes were stored.
        var carol = await GuestAsync("Carol");
        await using var late = await CollabSocket.OpenAsync(Node.BaseUri, Url(carol, "read_url"));
        await late.SendAsync(SyncProtocol.Step1([0]));
        var all = Assert.IsType<SyncMessage.Step2>(await late.WaitForAsync(m => m is SyncMessage.Step2));
        Assert.Equal("Budget approved unanimously|", TextOf(all.Data));

        // Bob leaves the meeting: his notes socket is closed, with "no access".
        await bob.Socket.SendAsync("control", "leave", new { });
        Assert.Null(await reader.WaitForAsync(_ => false));
        Assert.Equal(CloseCodes.NoAccess, (int?)reader.CloseStatus);
    }

    [Fact]
    public async Task A_page_with_a_wrong_token_or_before_the_notes_started_is_closed_with_a_reason()
    {
        var olga = await Participant.JoinAsync(Node, Room, Olga, "Olga");
        await using (var early = await CollabSocket.OpenAsync(Node.BaseUri, $"{Node.BaseUri}notes/{Room}?token={olga.Id:N}.x"))
        {
            Assert.Null(await early.ReceiveAsync());
            Assert.Equal(CloseCodes.NotStarted, (int?)early.CloseStatus);
        }
        await olga.Socket.SendAsync("meeting_notes", "select_writer", new { participant_ids = new[] { olga.Id } });
        var page = Url(olga, "write_url");
        await using var forged = await CollabSocket.OpenAsync(Node.BaseUri, page[..^"&mode=write".Length][..^2] + "xx");
        Assert.Null(await forged.ReceiveAsync());
        Assert.Equal(CloseCodes.NoAccess, (int?)forged.CloseStatus);
    }

    [Fact]
    public async Task A_moderator_s_export_is_a_pdf_asset_with_the_notes_text_announced_to_the_room()
    {
        var olga = await Participant.JoinAsync(Node, Room, Olga, "Olga");
        var bob = await GuestAsync("Bob");
        await olga.Socket.SendAsync("meeting_notes", "select_writer", new { participant_ids = new[] { olga.Id } });
        await using (var writer = await CollabSocket.OpenAsync(Node.BaseUri, Url(olga, "write_url")))
        {
            await writer.SendAsync(SyncProtocol.Update(YjsEdits.Paragraph("Decision: the café opens at eight", client: 1001)));
            await writer.SendAsync(SyncProtocol.Update(YjsEdits.Paragraph("Next meeting on Friday", client: 1002)));
        }
        await bob.Socket.SendAsync("meeting_notes", "generate_pdf", new { });
        var refused = await bob.Socket.WaitForAsync(m => m.Namespace == "meeting_notes" && m.Message == "error", TimeSpan.FromSeconds(20));
        Assert.Equal("insufficient_permissions", refused.Payload.GetProperty("error").GetString());

        await olga.Socket.SendAsync("meeting_notes", "generate_pdf", new { });
        var announced = await bob.Socket.WaitForAsync(m => m.Namespace == "meeting_notes" && m.Message == "pdf_asset", TimeSpan.FromSeconds(30));
        var assetId = announced.Payload.GetProperty("asset_id").GetGuid();
        Assert.Matches(@"^meetingnotes_pdf_\d{4}-\d\d-\d\d_\d\d-\d\d-\d\d-UTC\.pdf$", announced.Payload.GetProperty("filename").GetString());

        // The room's asset list is a read model: it shows the asset a moment later.
        var listed = await Poll.UntilAsync(() => Olga.ListRoomAssetsAsync(Room), assets => assets.Any(a => a.Id == assetId));
        var asset = Assert.Single(listed, a => a.Id == assetId);
        Assert.Equal(("meeting_notes", "meetingnotes_pdf"), (asset.Namespace, asset.Kind));
        using var pdf = new MemoryStream();
        await Olga.DownloadAssetAsync(Room, assetId, pdf);
        var text = PdfContent.TextOf(pdf.ToArray());
        Assert.Contains("Decision: the café opens at eight", text);
        Assert.Contains("Next meeting on Friday", text);
    }

    [Fact]
    public async Task Everyone_draws_on_the_whiteboard_a_moderator_opened_and_its_export_is_a_pdf_asset()
    {
        var olga = await Participant.JoinAsync(Node, Room, Olga, "Olga");
        var bob = await GuestAsync("Bob");
        Assert.Equal("not_initialized", bob.JoinSuccess.GetProperty("whiteboard").GetProperty("status").GetString());
        await bob.Socket.SendAsync("whiteboard", "initialize", new { });
        Assert.Equal("insufficient_permissions", (await bob.Socket.WaitForAsync(m => m.Namespace == "whiteboard" && m.Message == "error",
            TimeSpan.FromSeconds(20))).Payload.GetProperty("error").GetString());

        await olga.Socket.SendAsync("whiteboard", "initialize", new { });
        var bobBoard = (await bob.Socket.WaitForAsync(m => m.Namespace == "whiteboard" && m.Message == "space_url", TimeSpan.FromSeconds(20)))
            .Payload.GetProperty("url").GetString()!;
        var olgaBoard = (await olga.Socket.WaitForAsync(m => m.Namespace == "whiteboard" && m.Message == "space_url", TimeSpan.FromSeconds(20)))
            .Payload.GetProperty("url").GetString()!;
        await using var bobs = await CollabSocket.OpenAsync(Node.BaseUri, bobBoard);
        await using var olgas = await CollabSocket.OpenAsync(Node.BaseUri, olgaBoard);
        var rectangle = YjsEdits.Rectangle("bobs-box", client: 3003);
        await bobs.SendAsync(SyncProtocol.Update(rectangle));
        Assert.Equal(rectangle, Assert.IsType<SyncMessage.Update>(await olgas.WaitForAsync(m => m is SyncMessage.Update)).Data);

        await olga.Socket.SendAsync("whiteboard", "generate_pdf", new { });
        var announced = await olga.Socket.WaitForAsync(m => m.Namespace == "whiteboard" && m.Message == "pdf_asset", TimeSpan.FromSeconds(30));
        var assetId = announced.Payload.GetProperty("asset_id").GetGuid();
        var asset = Assert.Single(await Poll.UntilAsync(() => Olga.ListRoomAssetsAsync(Room), assets => assets.Any(a => a.Id == assetId)), a => a.Id == assetId);
        Assert.Equal(("whiteboard", "whiteboard_pdf"), (asset.Namespace, asset.Kind));
        using var pdf = new MemoryStream();
        await Olga.DownloadAssetAsync(Room, asset.Id, pdf);
        Assert.StartsWith("%PDF-", System.Text.Encoding.ASCII.GetString(pdf.ToArray(), 0, 5));
        Assert.Contains("Whiteboard", PdfContent.TextOf(pdf.ToArray()));
    }
}
