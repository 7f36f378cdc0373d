using System.Text.Json;
using OpenTalk.Client;

namespace OpenTalk.Host.Tests.Infrastructure;

/// <summary>Someone in a room: the socket, the id from join_success and the resumption token.</summary>
public sealed record Participant(SignalingClient Socket, Guid Id, string Resumption, JsonElement JoinSuccess)
{
    public static async Task<Participant> JoinAsync(TestNode node, Guid roomId, OpenTalkApi api, string name, string? resumption = null)
    {
        var ticket = await api.StartAsync(roomId, resumption);
        return await JoinWithTicketAsync(node, ticket, name);
    }

    public static async Task<Participant> JoinWithTicketAsync(TestNode node, Protocol.Rest.TicketResponse ticket, string name)
    {
        var socket = await node.ConnectAsync(ticket.Ticket);
        await socket.JoinAsync(name);
        var success = await socket.WaitForAsync("control", "join_success");
        return new Participant(socket, success.Payload.GetProperty("id").GetGuid(), ticket.Resumption, success.Payload);
    }
}
