using System.Diagnostics;
using OpenTalk.Actors.Collab;

namespace OpenTalk.CollabBench;

/// <summary>
/// Updates sent at a steady pace and their arrival at the other sockets, matched by the update's bytes (the node relays
/// each update as it came). <c>Sent[w][k]</c> and <c>Arrived[r][w][k]</c> are <see cref="Stopwatch"/> timestamps, 0 for never.
/// </summary>
internal sealed class Relay
{
    private readonly Dictionary<string, (int Writer, int Keystroke)> _whose = new(StringComparer.Ordinal);
    private readonly byte[][][] _updates;
    private int _unknown;

    public Relay(byte[][][] updates, int receivers)
    {
        _updates = updates;
        for (var w = 0; w < updates.Length; w++)
        {
            for (var k = 0; k < updates[w].Length; k++)
                _whose[Convert.ToBase64String(updates[w][k])] = (w, k);
        }
        Sent = [.. updates.Select(u => new long[u.Length])];
        Arrived = [.. Enumerable.Range(0, receivers).Select(_ => updates.Select(u => new long[u.Length]).ToArray())];
    }

    public long[][] Sent { get; }

    public long[][][] Arrived { get; }

    /// <summary>Updates that came in and were none of those sent (or came twice).</summary>
    public int Unknown => Volatile.Read(ref _unknown);

    /// <summary>What receiver <paramref name="receiver"/>'s socket does with an update.</summary>
    public Action<long, byte[]> Receiver(int receiver) => (at, update) =>
    {
        if (_whose.TryGetValue(Convert.ToBase64String(update), out var key) && Arrived[receiver][key.Writer][key.Keystroke] == 0)
            Arrived[receiver][key.Writer][key.Keystroke] = at;
        else
            Interlocked.Increment(ref _unknown);
    };

    /// <summary>
    /// Writer <paramref name="writer"/> sends its updates on <paramref name="socket"/>, one every <paramref name="every"/> from
    /// <paramref name="start"/> (a timestamp) on: on a fixed schedule, so a late send does not push the later ones back.
    /// </summary>
    public async Task TypeAsync(int writer, NotesSocket socket, long start, TimeSpan every)
    {
        for (var k = 0; k < _updates[writer].Length; k++)
        {
            var wait = every * k - Stopwatch.GetElapsedTime(start);
            if (wait > TimeSpan.Zero)
                await Task.Delay(wait);
            Sent[writer][k] = Stopwatch.GetTimestamp();
            await socket.SendAsync(SyncProtocol.Update(_updates[writer][k]));
        }
    }

    /// <summary>Every update sent that has not reached every receiver but its writer (<paramref name="writerOf"/>: the receiver's own writer index, or -1).</summary>
    public int Missing(Func<int, int> writerOf) =>
        Enumerable.Range(0, Arrived.Length).Sum(r => Enumerable.Range(0, _updates.Length).Where(w => w != writerOf(r))
            .Sum(w => Arrived[r][w].Where((at, k) => at == 0 && Sent[w][k] != 0).Count()));

    /// <summary>Send to arrival, in ms, for every update that arrived.</summary>
    public List<double> Latencies() =>
        [.. Arrived.SelectMany(byWriter => byWriter.SelectMany((arrivals, w) => arrivals.Select((at, k) => (at, sent: Sent[w][k]))))
            .Where(x => x.at != 0 && x.sent != 0).Select(x => Measures.Milliseconds(x.sent, x.at))];

    /// <summary>Waits until nothing is missing or <paramref name="within"/> is gone.</summary>
    public async Task SettleAsync(Func<int, int> writerOf, TimeSpan within)
    {
        for (var clock = Stopwatch.StartNew(); Missing(writerOf) > 0 && clock.Elapsed < within;)
            await Task.Delay(100);
    }
}
