using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using OpenTalk.Host.Tests.Infrastructure;

namespace OpenTalk.Host.Tests.SharedFolder;

/// <summary>
/// The shared folder against a node: a moderator's upload is listed and downloaded by a guest with the link from their
/// join_success; guests, strangers and people who left change nothing (or see nothing); the owner keeps the files as
/// the room's assets after the meeting; wrong types and oversized bodies are refused without anything stored.
/// </summary>
public sealed class SharedFolderTests : RoomTest
{
    private const int Limit = 4_000_000;

    protected override string[] NodeArguments => ["--SharedFolder:MaxFileBytes", $"{Limit}"];

    private static readonly byte[] Pdf = [.. "%PDF-1.4\n% a tiny test document\n"u8, .. Enumerable.Range(0, 5000).Select(i => (byte)(' ' + i % 90)), .. "\n%%EOF\n"u8];

    private HttpClient Http() => new() { BaseAddress = Node.BaseUri };

    private static string TokenOf(Participant p, string link = "read") =>
        new Uri(p.JoinSuccess.GetProperty("shared_folder").GetProperty(link).GetProperty("url").GetString()!).Query["?token=".Length..];

    private string Folder(string token, string rest = "") => $"v1/rooms/{Room}/shared_folder{rest}?token={Uri.EscapeDataString(token)}";

    private async Task<HttpResponseMessage> UploadAsync(string? token, string filename, byte[] bytes, string contentType = "application/octet-stream")
    {
        using var http = Http();
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return await http.PostAsync(Folder(token ?? "", $"") + $"&filename={Uri.EscapeDataString(filename)}", content);
    }

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task A_moderator_s_upload_is_listed_and_downloaded_by_a_guest_and_only_moderators_change_the_folder()
    {
        var olga = await Participant.JoinAsync(Node, Room, Olga, "Olga");
        var bob = await GuestAsync("Bob");
        Assert.Equal("", bob.JoinSuccess.GetProperty("shared_folder").GetProperty("read").GetProperty("password").GetString());
        Assert.False(bob.JoinSuccess.GetProperty("shared_folder").TryGetProperty("read_write", out _));
        Assert.Contains($"/folder/{Room}?token=", olga.JoinSuccess.GetProperty("shared_folder").GetProperty("read_write").GetProperty("url").GetString());

        var created = await UploadAsync(TokenOf(olga, "read_write"), "Agenda für Montag.pdf", Pdf, "application/pdf");
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var file = await created.Content.ReadFromJsonAsync<JsonElement>();
        var fileId = file.GetProperty("id").GetGuid();
        Assert.Equal(("Agenda für Montag.pdf", Pdf.Length, "application/pdf"),
            (file.GetProperty("filename").GetString(), file.GetProperty("size").GetInt32(), file.GetProperty("content_type").GetString()));
        await bob.Socket.WaitForAsync("shared_folder", "files_changed", TimeSpan.FromSeconds(20));

        using var http = Http();
        var list = await http.GetFromJsonAsync<JsonElement>(Folder(TokenOf(bob)));
        Assert.False(list.GetProperty("can_write").GetBoolean());
        Assert.Equal(fileId, Assert.Single(list.GetProperty("files").EnumerateArray()).GetProperty("id").GetGuid());
        using var download = await http.GetAsync(Folder(TokenOf(bob), $"/{fileId}"));
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(Pdf, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("Agenda für Montag.pdf", download.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());

        // Bob reads, but neither his link nor Olga's read link changes anything.
        var refused = await ProblemAsync(await UploadAsync(TokenOf(bob), "mine.pdf", Pdf), HttpStatusCode.Forbidden);
        Assert.Equal("forbidden", refused.GetProperty("code").GetString());
        Assert.Contains("moderators", refused.GetProperty("detail").GetString());
        await ProblemAsync(await UploadAsync(TokenOf(olga), "mine.pdf", Pdf), HttpStatusCode.Forbidden);
        await ProblemAsync(await http.DeleteAsync(Folder(TokenOf(bob), $"/{fileId}")), HttpStatusCode.Forbidden);
        await ProblemAsync(await http.PatchAsJsonAsync(Folder(TokenOf(bob), $"/{fileId}"), new { filename = "x.pdf" }), HttpStatusCode.Forbidden);

        // Olga renames it (the type stays) and the room hears of it; then she deletes it.
        var renamed = await http.PatchAsJsonAsync(Folder(TokenOf(olga, "read_write"), $"/{fileId}"), new { filename = "../Agenda final.pdf" });
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        Assert.Equal("Agenda final.pdf", (await renamed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("filename").GetString());
        await ProblemAsync(await http.PatchAsJsonAsync(Folder(TokenOf(olga, "read_write"), $"/{fileId}"), new { filename = "Agenda.exe" }),
            HttpStatusCode.UnprocessableEntity);
        var relisted = await http.GetFromJsonAsync<JsonElement>(Folder(TokenOf(bob)));
        Assert.Equal("Agenda final.pdf", relisted.GetProperty("files")[0].GetProperty("filename").GetString());
        Assert.Equal(HttpStatusCode.NoContent, (await http.DeleteAsync(Folder(TokenOf(olga, "read_write"), $"/{fileId}"))).StatusCode);
        Assert.Empty((await http.GetFromJsonAsync<JsonElement>(Folder(TokenOf(bob)))).GetProperty("files").EnumerateArray());
        await ProblemAsync(await http.GetAsync(Folder(TokenOf(bob), $"/{fileId}")), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Strangers_forged_tokens_and_people_who_left_are_refused_and_the_owner_keeps_the_files_after_the_meeting()
    {
        var olga = await Participant.JoinAsync(Node, Room, Olga, "Olga");
        var bob = await GuestAsync("Bob");
        var created = await (await UploadAsync(TokenOf(olga, "read_write"), "notes.txt", "Minutes: ✓ budget\n"u8.ToArray(), "text/plain")).Content
            .ReadFromJsonAsync<JsonElement>();
        var fileId = created.GetProperty("id").GetGuid();

        using var http = Http();
        var anonymous = await ProblemAsync(await http.GetAsync($"v1/rooms/{Room}/shared_folder"), HttpStatusCode.Unauthorized);
        Assert.Equal("unauthorized", anonymous.GetProperty("code").GetString());
        var bobs = TokenOf(bob);
        await ProblemAsync(await http.GetAsync(Folder(bobs[..^2] + "xx")), HttpStatusCode.Forbidden);
        await ProblemAsync(await http.GetAsync(Folder($"{Guid.NewGuid():N}.w.{bobs[35..]}", $"/{fileId}")), HttpStatusCode.Forbidden);
        await ProblemAsync(await UploadAsync(null, "x.pdf", Pdf), HttpStatusCode.Unauthorized);
        await ProblemAsync(await UploadAsync(bobs.Replace(".r.", ".w.", StringComparison.Ordinal), "x.pdf", Pdf), HttpStatusCode.Forbidden);
        // A signed-in stranger is no owner.
        var mallory = await Node.NewUserAsync("mallory");
        await Assert.ThrowsAnyAsync<Exception>(() => mallory.ListRoomAssetsAsync(Room));

        // Bob leaves: his link opens nothing any more.
        await bob.Socket.SendAsync("control", "leave", new { });
        await Poll.UntilAsync(() => http.GetAsync(Folder(bobs)), r => r.StatusCode == HttpStatusCode.Forbidden);
        await ProblemAsync(await http.GetAsync(Folder(bobs, $"/{fileId}")), HttpStatusCode.Forbidden);

        // Everyone gone, the owner lists and downloads the file as the room's asset.
        await olga.Socket.SendAsync("control", "leave", new { });
        var assets = await Poll.UntilAsync(() => Olga.ListRoomAssetsAsync(Room), a => a.Any(x => x.Id == fileId));
        var asset = Assert.Single(assets, a => a.Id == fileId);
        Assert.Equal(("notes.txt", "shared_folder", "file"), (asset.Filename, asset.Namespace, asset.Kind));
        using var copy = new MemoryStream();
        await Olga.DownloadAssetAsync(Room, fileId, copy);
        Assert.Equal("Minutes: ✓ budget\n", Encoding.UTF8.GetString(copy.ToArray()));
        await ProblemAsync(await http.GetAsync(Folder(TokenOf(olga, "read_write"))), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Files_that_are_not_what_their_name_says_or_run_or_are_not_taken_are_refused_with_the_list_of_types()
    {
        var olga = await Participant.JoinAsync(Node, Room, Olga, "Olga");
        var token = TokenOf(olga, "read_write");
        byte[] program = [.. "MZ"u8, .. new byte[2000]];

        foreach (var (name, bytes) in new[] { ("setup.exe", program), ("report.pdf", program), ("photo.png", Pdf), ("page.html", "<html>"u8.ToArray()),
                     ("run.txt", "#!/bin/sh\nrm -rf /\n"u8.ToArray()), ("data.txt", new byte[] { 0x41, 0x00, 0x42 }) })
        {
            var problem = await ProblemAsync(await UploadAsync(token, name, bytes), HttpStatusCode.UnsupportedMediaType);
            Assert.Equal("unsupported_media_type", problem.GetProperty("code").GetString());
            Assert.Contains("PDF, images", problem.GetProperty("detail").GetString());
        }
        await ProblemAsync(await UploadAsync(token, "../..", Pdf), HttpStatusCode.UnprocessableEntity);
        using var http = Http();
        Assert.Empty((await http.GetFromJsonAsync<JsonElement>(Folder(token))).GetProperty("files").EnumerateArray());
        Assert.Empty(StoredFiles());
    }

    private List<string> StoredFiles()
    {
        var artifacts = Path.Combine(Node.DataFolder, "artifacts");
        return Directory.Exists(artifacts) ? [.. Directory.EnumerateFiles(artifacts, "*", SearchOption.AllDirectories)] : [];
    }
}
