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
        var loadAverage = ServerProbe.LoadAverage();
        var http = new HttpClient { BaseAddress = options.Server };
        var owner = new OpenTalkApi(http) { AccessToken = await SignIn.WithPasswordAsync(options.Server, "admin", options.AdminPassword) };

        var rooms = new List<(Guid Id, string Invite)>();
        for (var i = 0; i < options.Rooms; i++)
        {
            var room = await owner.CreateRoomAsync(new CreateRoomRequest(null));
            rooms.Add((room.Id, (await owner.CreateInviteAsync(room.Id)).InviteCode));
        }

        await WarmUpAsync(owner, http, deadline.Token);

        var memoryBefore = ServerProbe.ResidentBytes(options.ServerPid);
        var journalBefore = await ServerProbe.JournalRowsAsync(options.Postgres);
        var nodeCpuBefore = ServerProbe.CpuSeconds(options.ServerPid);
        var postgresCpuBefore = ServerProbe.PostgresCpuSeconds();
        var generatorCpuBefore = ServerProbe.CpuSeconds(Environment.ProcessId);
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
        // Where the CPU of the join phase went (the three share the machine's cores), per join.
        var cpuPerJoin = new JoinCpu(
            PerJoinMs(nodeCpuBefore, ServerProbe.CpuSeconds(options.ServerPid)),
            PerJoinMs(postgresCpuBefore, ServerProbe.PostgresCpuSeconds()),
            PerJoinMs(generatorCpuBefore, ServerProbe.CpuSeconds(Environment.ProcessId)));

        var fanOut = await MeasureFanOutAsync(members.GroupBy(m => m.RoomId).Select(g => g.ToList()).ToList(), deadline.Token);

        foreach (var member in members)
            await member.Socket.DisposeAsync();

        // The same Postgres with the node idle: what raw inserts of the rows it wrote achieve at the same concurrency.
        var baseline = await RawJournalBaseline.MeasureAsync(options.Postgres, options.Concurrency, options.Rooms, options.HandRounds * 2, deadline.Token);

        return new LoadResult(
            options.Name, DateTimeOffset.UtcNow, options.Participants, options.Rooms, options.Concurrency, Environment.ProcessorCount,
            loadAverage,
            options.Warmup,
            Percentiles.Of(joinLatencies), Percentiles.Of(fanOut),
            journalBefore is { } b && journalAfterJoin is { } a ? Math.Round((a - b) / joinSeconds, 1) : null,
            Math.Round(joinSeconds, 2),
            memoryBefore is { } m0 && memoryAfter is { } m1 ? (m1 - m0) / options.Participants : null,
            cpuPerJoin,
            baseline);
    }

    /// <summary>
    /// A node that has run for a while has its hot paths compiled and optimised; one just started compiles them during
    /// its first joins. With <c>--warmup N</c>, N guests join rooms of their own first and leave, unmeasured.
    /// </summary>
    private async Task WarmUpAsync(OpenTalkApi owner, HttpClient http, CancellationToken ct)
    {
        if (options.Warmup <= 0)
            return;
        // Rooms of ten, as in the measured run.
        var rooms = new List<(Guid Id, string Invite)>();
        for (var r = 0; r < (options.Warmup + 9) / 10; r++)
        {
            var created = await owner.CreateRoomAsync(new CreateRoomRequest(null), ct);
            rooms.Add((created.Id, (await owner.CreateInviteAsync(created.Id, ct: ct)).InviteCode));
        }
        using var gate = new SemaphoreSlim(options.Concurrency);
        await Task.WhenAll(Enumerable.Range(0, options.Warmup).Select(async i =>
        {
            await gate.WaitAsync(ct);
            try
            {
                var (room, invite) = rooms[i % rooms.Count];
                var ticket = await new OpenTalkApi(http).StartInvitedAsync(room, invite, ct: ct);
                await using var socket = await SignalingClient.ConnectAsync(options.Server, ticket.Ticket, ct);
                await socket.JoinAsync($"Warm-up {i}", ct);
                await socket.WaitForAsync("control", "join_success", TimeSpan.FromSeconds(60));
                await socket.SendAsync("control", "raise_hand", ct: ct);
                await socket.WaitForAsync(m => m.Message == "hand_raised", TimeSpan.FromSeconds(30));
            }
            finally
            {
                gate.Release();
            }
        }));
    }

    private double? PerJoinMs(double? before, double? after) =>
        before is { } b && after is { } a ? Math.Round((a - b) * 1000 / options.Participants, 2) : null;

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
