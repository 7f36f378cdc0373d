using OpenTalk.Client;
using OpenTalk.Protocol.Rest;

namespace OpenTalk.CollabBench;

/// <summary>Someone in the room: the signaling socket and the id from join_success.</summary>
internal sealed record Person(string Name, SignalingClient Socket, Guid Id);

/// <summary>A room with its owner (a moderator) in it, and guests who come in by the room's invite.</summary>
internal sealed class Meeting(Uri server, Guid roomId, string inviteCode, Person owner) : IAsyncDisposable
{
    private readonly List<Person> _people = [owner];

    public Person Owner => owner;

    public static async Task<Meeting> OpenAsync(Uri server, OpenTalkApi admin)
    {
        var room = (await admin.CreateRoomAsync(new CreateRoomRequest(null))).Id;
        var invite = await admin.CreateInviteAsync(room);
        var owner = await JoinAsync(server, (await admin.StartAsync(room)).Ticket, "Owner");
        return new Meeting(server, room, invite.InviteCode, owner);
    }

    public async Task<Person> GuestAsync(string name)
    {
        var anonymous = new OpenTalkApi(new HttpClient { BaseAddress = server });
        var person = await JoinAsync(server, (await anonymous.StartInvitedAsync(roomId, inviteCode)).Ticket, name);
        _people.Add(person);
        return person;
    }

    /// <summary>The owner makes <paramref name="writers"/> the notes' writers; each gets its page's address (<c>write_url</c>).</summary>
    public async Task<string[]> SelectWritersAsync(IReadOnlyList<Person> writers)
    {
        await owner.Socket.SendAsync("meeting_notes", "select_writer", new { participant_ids = writers.Select(w => w.Id).ToArray() });
        return await Task.WhenAll(writers.Select(w => PageAsync(w, "write_url")));
    }

    /// <summary>The notes page <paramref name="person"/> was handed: <c>write_url</c> or <c>read_url</c>.</summary>
    public static async Task<string> PageAsync(Person person, string message) =>
        (await person.Socket.WaitForAsync("meeting_notes", message, TimeSpan.FromSeconds(30))).Payload.GetProperty("url").GetString()!;

    private static async Task<Person> JoinAsync(Uri server, string ticket, string name)
    {
        var socket = await SignalingClient.ConnectAsync(server, ticket);
        await socket.JoinAsync(name);
        var success = await socket.WaitForAsync("control", "join_success", TimeSpan.FromSeconds(30));
        return new Person(name, socket, success.Payload.GetProperty("id").GetGuid());
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var person in _people)
            await person.Socket.DisposeAsync();
    }
}
