using System.Collections.Concurrent;
using System.Diagnostics;
using OpenTalk.Client;
using OpenTalk.Protocol.Rest;

namespace OpenTalk.LoadGenerator;

/// <summary>
/// Joins N guests into M rooms through the real REST API and signaling sockets, then has one
/// person per room raise and lower a hand, timing how long it takes to reach everyone else.
/// </summary>
public sealed class LoadRun(LoadOptions options)
{
    private sealed record Member(Guid RoomId, SignalingClient Socket, Guid Id);

    public async Task<LoadResult> RunAsync()
    {
        using var deadline = new CancellationTokenSource(options.Deadline);
        var http = new HttpClient { BaseAddress = options.Server };
        var owner = new OpenTalkApi(http) { AccessToken = await SignIn.WithPasswordAsync(options.Server, "admin", options.AdminPassword) };

        var rooms = new List<(Guid Id, string Invite)>();
        for (var i = 0; i < options.Rooms; i++)
        {
            var room = await owner.CreateRoomAsync(new CreateRoomRequest(null));
            rooms.Add((room.Id, (await owner.CreateInviteAsync(room.Id)).InviteCode));
        }

        var memoryBefore = ServerProbe.ResidentBytes(options.ServerPid);
        var journalBefore = await ServerProbe.JournalRowsAsync(options.Postgres);
        var joinLatencies = new ConcurrentBag<double>();
        var members = new ConcurrentBag<Member>();
        var clock = Stopwatch.StartNew();
        using (var gate = new SemaphoreSlim(options.Concurrency))
        {
            var joins = Enumerable.Range(0, options.Participants).Select(async i =>
            {
                await gate.WaitAsync(deadline.Token);
                try
                {
                    var (roomId, invite) = rooms[i % rooms.Count];
                    var started = Stopwatch.GetTimestamp();
                    var ticket = await new OpenTalkApi(http).StartInvitedAsync(roomId, invite, ct: deadline.Token);
                    var socket = await SignalingClient.ConnectAsync(options.Server, ticket.Ticket, deadline.Token);
                    await socket.JoinAsync($"Guest {i}", deadline.Token);
                    var success = await socket.WaitForAsync("control", "join_success", TimeSpan.FromSeconds(60));
                    joinLatencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                    members.Add(new Member(roomId, socket, success.Payload.GetProperty("id").GetGuid()));
                }
                finally
                {
                    gate.Release();
                }
            });
            await Task.WhenAll(joins);
        }
        var joinSeconds = clock.Elapsed.TotalSeconds;
        var journalAfterJoin = await ServerProbe.JournalRowsAsync(options.Postgres);
        var memoryAfter = ServerProbe.ResidentBytes(options.ServerPid);

        var fanOut = await MeasureFanOutAsync(members.GroupBy(m => m.RoomId).Select(g => g.ToList()).ToList(), deadline.Token);

        foreach (var member in members)
            await member.Socket.DisposeAsync();

        return new LoadResult(
            options.Name, DateTimeOffset.UtcNow, options.Participants, options.Rooms, options.Concurrency, Environment.ProcessorCount,
            Percentiles.Of(joinLatencies), Percentiles.Of(fanOut),
            journalBefore is { } b && journalAfterJoin is { } a ? Math.Round((a - b) / joinSeconds, 1) : null,
            Math.Round(joinSeconds, 2),
            memoryBefore is { } m0 && memoryAfter is { } m1 ? (m1 - m0) / options.Participants : null);
    }

    /// <summary>In every room at once: one member raises (then lowers) a hand; time until each other member hears it.</summary>
    private async Task<List<double>> MeasureFanOutAsync(List<List<Member>> rooms, CancellationToken ct)
    {
        var samples = new ConcurrentBag<double>();
        for (var round = 0; round < options.HandRounds * 2; round++)
        {
            var raise = round % 2 == 0;
            await Task.WhenAll(rooms.Where(r => r.Count > 1).Select(async room =>
            {
                var speaker = room[round / 2 % room.Count];
                var sent = Stopwatch.GetTimestamp();
                await speaker.Socket.SendAsync("control", raise ? "raise_hand" : "lower_hand", ct: ct);
                await Task.WhenAll(room.Where(m => m != speaker).Select(async listener =>
                {
                    await listener.Socket.WaitForAsync(m => m.Message == "update"
                        && m.Payload.GetProperty("id").GetGuid() == speaker.Id
                        && m.Payload.GetProperty("control").GetProperty("hand_is_up").GetBoolean() == raise, TimeSpan.FromSeconds(30));
                    samples.Add(Stopwatch.GetElapsedTime(sent).TotalMilliseconds);
                }));
            }));
        }
        return [.. samples];
    }
}
