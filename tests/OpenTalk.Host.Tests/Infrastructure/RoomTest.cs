using OpenTalk.Client;
using OpenTalk.Protocol.Rest;

namespace OpenTalk.Host.Tests.Infrastructure;

/// <summary>
/// A node on its own Postgres database with one signed-in owner (Olga) and her room: the setting of
/// most module tests.
/// </summary>
public abstract class RoomTest : IAsyncLifetime
{
    protected TestNode Node { get; set; } = null!;

    protected string Postgres { get; private set; } = null!;

    protected OpenTalkApi Olga { get; private set; } = null!;

    protected Guid Room { get; private set; }

    /// <summary>Extra node settings (command-line form).</summary>
    protected virtual string[] NodeArguments => [];

    public async Task InitializeAsync()
    {
        Postgres = await TestDatabase.CreateAsync();
        Node = await TestNode.StartAsync(Postgres, extra: NodeArguments);
        Olga = await Node.NewUserAsync("olga");
        Room = (await Olga.CreateRoomAsync(new CreateRoomRequest(null))).Id;
        await ArrangeAsync();
    }

    /// <summary>More set-up for one test class, after the room exists.</summary>
    protected virtual Task ArrangeAsync() => Task.CompletedTask;

    public virtual async Task DisposeAsync() => await Node.DisposeAsync();

    /// <summary>Stops the node and starts it again on the same data, address and database.</summary>
    protected async Task RestartAsync(Func<Task>? whileStopped = null)
    {
        var (dataFolder, url) = (Node.DataFolder, Node.BaseUri);
        await Node.DisposeAsync();
        if (whileStopped is not null)
            await whileStopped();
        Node = await TestNode.StartAsync(Postgres, dataFolder, url, NodeArguments);
    }

    protected async Task<Participant> GuestAsync(string name)
    {
        var invite = await Olga.CreateInviteAsync(Room);
        return await Participant.JoinWithTicketAsync(Node, await Node.Anonymous().StartInvitedAsync(Room, invite.InviteCode), name);
    }

    protected async Task<Participant> UserAsync(string name) =>
        await Participant.JoinAsync(Node, Room, await Node.NewUserAsync(name.ToLowerInvariant()), name);
}
