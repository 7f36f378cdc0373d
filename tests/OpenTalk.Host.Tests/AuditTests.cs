using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Npgsql;
using OpenTalk.Client;
using OpenTalk.Host.Audit;
using OpenTalk.Host.Tests.Infrastructure;

namespace OpenTalk.Host.Tests;

/// <summary>
/// The audit trail as an auditor uses it: the room at an instant (compared with what a participant saw then), the hash
/// chain's check after someone changed or removed a row of the journal table in Postgres, the command line's verify,
/// replay and export, and an export checked offline by the documented procedure.
/// </summary>
public sealed class AuditTests : RoomTest
{
    private static Task Say(Participant p, string content) => p.Socket.SendAsync("chat", "send_message", new { content, scope = "global" });

    [Fact]
    public async Task The_state_at_an_instant_is_what_the_participants_saw_then()
    {
        var olga = await Participant.JoinAsync(Node, Room, Olga, "Olga");
        var uma = await Participant.JoinAsync(Node, Room, await Node.NewUserAsync("uma"), "Uma");
        await uma.Socket.SendAsync("control", "raise_hand");
        await olga.Socket.WaitForAsync(m => m.Message == "update" && m.Payload.GetProperty("control").GetProperty("hand_is_up").GetBoolean());
        await olga.Socket.SendAsync("polls", "start", new { topic = "Lunch?", live = true, choices = new[] { "Pizza", "Salad" }, duration = 600 });
        var pollId = (await uma.Socket.WaitForAsync("polls", "started")).Payload.GetProperty("id").GetGuid();
        await uma.Socket.SendAsync("polls", "vote", new { poll_id = pollId, choices = new[] { 1 } });
        await olga.Socket.WaitForAsync("polls", "live_update");

        // Ivy comes in: her join_success is the room as a participant saw it at that moment.
        var ivy = await Participant.JoinAsync(Node, Room, await Node.NewUserAsync("ivy"), "Ivy");
        var seenThen = DateTimeOffset.UtcNow;
        var seenByIvy = ivy.JoinSuccess.GetProperty("participants").EnumerateArray()
            .Select(p => (Id: p.GetProperty("id").GetGuid(), Name: p.GetProperty("control").GetProperty("display_name").GetString(),
                Role: p.GetProperty("control").GetProperty("role").GetString(), Hand: p.GetProperty("control").GetProperty("hand_is_up").GetBoolean()))
            .Append((ivy.Id, "Ivy", "user", false))
            .OrderBy(p => p.Id).ToList();

        // Then the room changes: Uma lowers her hand and leaves, Ivy becomes a moderator.
        await uma.Socket.SendAsync("control", "lower_hand");
        await olga.Socket.WaitForAsync(m => m.Message == "update" && !m.Payload.GetProperty("control").GetProperty("hand_is_up").GetBoolean());
        await uma.Socket.SendAsync("control", "leave");
        await olga.Socket.WaitForAsync("control", "left");
        await olga.Socket.SendAsync("control", "grant_moderator_role", new { target = ivy.Id });
        await ivy.Socket.WaitForAsync("control", "role_updated");

        var then = await Olga.GetAuditStateAsync(Room, seenThen);
        var inRoomThen = then.GetProperty("participants").EnumerateArray().Where(p => p.GetProperty("in_room").GetBoolean())
            .Select(p => (Id: p.GetProperty("id").GetGuid(), Name: p.GetProperty("display_name").GetString(), Role: p.GetProperty("role").GetString(),
                Hand: p.GetProperty("hand_is_up").GetBoolean()))
            .OrderBy(p => p.Id).ToList();
        Assert.Equal(seenByIvy, inRoomThen);
        Assert.Contains(inRoomThen, p => p.Id == uma.Id && p.Hand);
        var poll = then.GetProperty("poll");
        Assert.Equal("Lunch?", poll.GetProperty("topic").GetString());
        Assert.Equal([0, 1], poll.GetProperty("tally").EnumerateArray().Select(c => c.GetInt32()));

        var now = await Olga.GetAuditStateAsync(Room);
        var inRoomNow = now.GetProperty("participants").EnumerateArray().Where(p => p.GetProperty("in_room").GetBoolean()).ToList();
        Assert.DoesNotContain(inRoomNow, p => p.GetProperty("id").GetGuid() == uma.Id);
        Assert.Equal("moderator", inRoomNow.Single(p => p.GetProperty("id").GetGuid() == ivy.Id).GetProperty("role").GetString());
        Assert.True(now.GetProperty("sequence_nr").GetInt64() > then.GetProperty("sequence_nr").GetInt64());

        // Before the room existed there was nothing.
        var before = await Olga.GetAuditStateAsync(Room, DateTimeOffset.UtcNow.AddDays(-1));
        Assert.False(before.GetProperty("exists").GetBoolean());
        Assert.Equal(0, before.GetProperty("sequence_nr").GetInt64());
        foreach (var p in new[] { olga, uma, ivy })
            await p.Socket.DisposeAsync();
    }

    [Fact]
    public async Task A_changed_row_in_the_journal_is_named_by_verify_and_by_the_command_line()
    {
        var sequence = await ChatAsync("one", "two", "three");
        Assert.True((await Olga.VerifyAuditAsync(Room)).GetProperty("intact").GetBoolean());
        Assert.Equal(0, await RunAsync("verify", Room.ToString()));

        await ExecuteAsync("update journal set message = convert_to(replace(convert_from(message, 'UTF8'), '\"two\"', '\"TWO\"'), 'UTF8') "
            + "where persistence_id = @id and sequence_number = @seq", sequence["two"]);

        var verified = await Olga.VerifyAuditAsync(Room);
        Assert.False(verified.GetProperty("intact").GetBoolean());
        Assert.Equal(sequence["two"], verified.GetProperty("first_broken_sequence_nr").GetInt64());
        var problem = Assert.Single(verified.GetProperty("problems").EnumerateArray());
        Assert.Equal("altered", problem.GetProperty("kind").GetString());
        Assert.Equal(sequence["two"], problem.GetProperty("sequence_nr").GetInt64());

        var output = new StringWriter();
        Assert.Equal(1, await RunAsync(["verify", Room.ToString()], output));
        Assert.Contains($"event {sequence["two"]}: altered", output.ToString(), StringComparison.Ordinal);
        // The events page still answers, with the changed content as it now stands.
        var events = (await Olga.GetAuditEventsAsync(Room)).GetProperty("events").EnumerateArray();
        Assert.Contains(events, e => e.GetProperty("sequence_nr").GetInt64() == sequence["two"]
            && e.GetProperty("data").GetProperty("content").GetString() == "TWO");
    }

    [Fact]
    public async Task A_removed_row_and_an_unreadable_row_are_named_too()
    {
        var sequence = await ChatAsync("one", "two", "three", "four");
        await ExecuteAsync("delete from journal where persistence_id = @id and sequence_number = @seq", sequence["two"]);
        await ExecuteAsync("update journal set message = convert_to('{not json', 'UTF8') where persistence_id = @id and sequence_number = @seq",
            sequence["four"]);

        var verified = await Olga.VerifyAuditAsync(Room);
        Assert.False(verified.GetProperty("intact").GetBoolean());
        var problems = verified.GetProperty("problems").EnumerateArray()
            .Select(p => (p.GetProperty("sequence_nr").GetInt64(), p.GetProperty("kind").GetString())).ToList();
        Assert.Equal([(sequence["two"], "missing"), (sequence["four"], "unreadable")], problems);
        var events = (await Olga.GetAuditEventsAsync(Room)).GetProperty("events").EnumerateArray().ToList();
        Assert.DoesNotContain(events, e => e.GetProperty("sequence_nr").GetInt64() == sequence["two"]);
        Assert.Equal("{not json", events.Single(e => e.GetProperty("sequence_nr").GetInt64() == sequence["four"]).GetProperty("stored").GetString());
    }

    [Fact]
    public async Task An_export_verifies_offline_by_the_documented_procedure_and_a_changed_line_is_named()
    {
        var sequence = await ChatAsync("one", "two");
        var file = Path.Combine(Node.DataFolder, "export.jsonl");
        Assert.Equal(0, await RunAsync("export", Room.ToString(), "--out", file));

        // docs/audit.md: hash = sha256(manifest + "\n" + payload); each prev_hash is the hash of the line before.
        var lines = File.ReadAllLines(file).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        var previous = "";
        foreach (var line in lines)
        {
            var payload = line.GetProperty("payload").GetString()!;
            Assert.Equal(previous, JsonDocument.Parse(payload).RootElement.GetProperty("prev_hash").GetString());
            Assert.Equal(previous, line.GetProperty("prev_hash").GetString());
            previous = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(line.GetProperty("manifest").GetString() + "\n" + payload)));
            Assert.Equal(previous, line.GetProperty("hash").GetString());
        }
        // The node's hash of the export's last event (more may have been written since: Olga leaves after the resume window).
        var lastExported = lines[^1].GetProperty("sequence_nr").GetInt64();
        Assert.Equal(previous, (await Olga.GetAuditEventsAsync(Room)).GetProperty("events").EnumerateArray()
            .Single(e => e.GetProperty("sequence_nr").GetInt64() == lastExported).GetProperty("hash").GetString());
        Assert.Equal(0, await RunAsync("verify", "--file", file));

        // Replayed to the moment of the second message (the chat is cleared when the session ends, after Olga left).
        var secondPosted = lines.Single(l => l.GetProperty("sequence_nr").GetInt64() == sequence["two"]).GetProperty("occurred_at").GetString()!;
        var replayed = new StringWriter();
        Assert.Equal(0, await RunAsync(["replay", "--file", file, "--at", secondPosted], replayed));
        Assert.Equal(2, JsonDocument.Parse(replayed.ToString()).RootElement.GetProperty("chat_messages").GetInt32());

        File.WriteAllLines(file, File.ReadAllLines(file).Select(l => l.Replace("\\u0022one\\u0022", "\\u0022ONE\\u0022", StringComparison.Ordinal)
            .Replace("\\\"one\\\"", "\\\"ONE\\\"", StringComparison.Ordinal)));
        var output = new StringWriter();
        Assert.Equal(1, await RunAsync(["verify", "--file", file], output));
        Assert.Contains($"event {sequence["one"]}: altered", output.ToString(), StringComparison.Ordinal);
        Assert.Equal(2, await RunAsync("verify", "--file", Path.Combine(Node.DataFolder, "no-such-file.jsonl")));
    }

    [Fact]
    public async Task Auditors_audit_every_room_and_nothing_else_while_other_users_are_refused()
    {
        await ChatAsync("hello");
        var admin = await Node.AsAdminAsync();
        await admin.CreateAccountAsync("audra", "password-audra", "Audra", isAuditor: true);
        var auditor = await Node.AsAsync("audra", "password-audra");
        Assert.True((await auditor.VerifyAuditAsync(Room)).GetProperty("intact").GetBoolean());
        Assert.True((await auditor.GetAuditStateAsync(Room)).GetProperty("exists").GetBoolean());
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(() => auditor.GetClusterAsync()));
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync(() => auditor.GetAuditStateAsync(Guid.NewGuid())));

        var other = await Node.NewUserAsync("otto");
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(() => other.GetAuditStateAsync(Room)));
        Assert.Equal(HttpStatusCode.Forbidden, await StatusAsync(() => other.VerifyAuditAsync(Room)));
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusAsync(() => Node.Anonymous().GetAuditStateAsync(Room)));
    }

    /// <summary>Posts the messages in order and returns the sequence number of each one's event.</summary>
    private async Task<Dictionary<string, long>> ChatAsync(params string[] messages)
    {
        var olga = await Participant.JoinAsync(Node, Room, Olga, "Olga");
        foreach (var message in messages)
        {
            await Say(olga, message);
            await olga.Socket.WaitForAsync(m => m.Message == "message_sent" && m.Payload.GetProperty("content").GetString() == message);
        }
        await olga.Socket.DisposeAsync();
        var events = (await Olga.GetAuditEventsAsync(Room)).GetProperty("events").EnumerateArray();
        return events.Where(e => e.GetProperty("type").GetString() == "meeting.chat_message_posted.v1")
            .ToDictionary(e => e.GetProperty("data").GetProperty("content").GetString()!, e => e.GetProperty("sequence_nr").GetInt64());
    }

    private async Task ExecuteAsync(string sql, long sequenceNr)
    {
        await using var connection = new NpgsqlConnection(Postgres);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("id", $"meeting-{Room}");
        command.Parameters.AddWithValue("seq", sequenceNr);
        Assert.Equal(1, await command.ExecuteNonQueryAsync());
    }

    private Task<int> RunAsync(params string[] args) => RunAsync(args, new StringWriter());

    private Task<int> RunAsync(string[] args, TextWriter output) =>
        AuditCommand.RunAsync([.. args, "--OpenTalk:Postgres", Postgres], output, new StringWriter());

    private static async Task<HttpStatusCode> StatusAsync(Func<Task> call)
    {
        var refused = await Assert.ThrowsAsync<OpenTalkApiException>(call);
        return refused.Status;
    }
}
