using System.Collections.Concurrent;
using System.Diagnostics;
using Npgsql;

namespace OpenTalk.LoadGenerator;

/// <summary>
/// The physical limit our figures work against, measured in the same run on the same Postgres: raw Npgsql inserts of
/// the rows the node just wrote, into a copy of the journal table (same columns, indexes and keys), at the run's own
/// concurrency. One row per transaction, and batched; and one commit from as many writers as the fan-out has rooms,
/// all at once, which is what a hand raised in every room asks of the journal.
/// </summary>
public static class RawJournalBaseline
{
    private const string Table = "journal_raw_baseline";

    /// <summary>Rows per transaction in the batched run: about what a busy journal gathers into one write.</summary>
    public const int BatchSize = 50;

    public static async Task<BaselineResult?> MeasureAsync(string? postgres, int concurrency, int burstWriters, int bursts, CancellationToken ct)
    {
        if (postgres is null)
            return null;
        var builder = new NpgsqlConnectionStringBuilder(postgres) { MaxPoolSize = Math.Max(burstWriters, concurrency) + 10 };
        await using var data = NpgsqlDataSource.Create(builder.ConnectionString);
        var sample = await SampleAsync(data, ct);
        if (sample.Rows.Count == 0)
            return null;
        await ExecuteAsync(data, $"""
            DROP TABLE IF EXISTS {Table};
            CREATE TABLE {Table} (LIKE journal INCLUDING ALL);
            """, ct);
        try
        {
            // Its own numbering: the journal's sequence is the node's, and its readers wait on gaps in it.
            await GiveOwnSequenceAsync(data, ct);
            var insert = new RowInsert(sample);
            var single = await RunAsync(data, insert, concurrency, rowsPerTransaction: 1, transactions: 3000, ct);
            var batched = await RunAsync(data, insert, concurrency, rowsPerTransaction: BatchSize, transactions: 300, ct);
            var burst = await BurstAsync(data, insert, burstWriters, bursts, ct);
            return new BaselineResult(concurrency, single.RowsPerSecond, batched.RowsPerSecond, BatchSize, single.CommitMs, burstWriters, burst);
        }
        finally
        {
            await ExecuteAsync(data, $"DROP TABLE IF EXISTS {Table}; DROP SEQUENCE IF EXISTS {Table}_ordering;", CancellationToken.None);
        }
    }

    private sealed record Sample(IReadOnlyList<string> Columns, IReadOnlyList<object?[]> Rows);

    /// <summary>The newest rows the node wrote, as they are stored (all columns but the numbering).</summary>
    private static async Task<Sample> SampleAsync(NpgsqlDataSource data, CancellationToken ct)
    {
        await using var command = data.CreateCommand("SELECT * FROM journal ORDER BY ordering DESC LIMIT 1000");
        await using var reader = await command.ExecuteReaderAsync(ct);
        var columns = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).Where(c => c != "ordering").ToList();
        var rows = new List<object?[]>();
        while (await reader.ReadAsync(ct))
            rows.Add([.. columns.Select(c => reader[c] is DBNull ? null : reader[c])]);
        return new Sample(columns, rows);
    }

    private static async Task GiveOwnSequenceAsync(NpgsqlDataSource data, CancellationToken ct)
    {
        await using var command = data.CreateCommand(
            "SELECT is_identity FROM information_schema.columns WHERE table_name = 'journal_raw_baseline' AND column_name = 'ordering'");
        if (await command.ExecuteScalarAsync(ct) is "YES")
            return; // An identity column got a sequence of its own from LIKE.
        await ExecuteAsync(data, $"""
            CREATE SEQUENCE {Table}_ordering;
            ALTER TABLE {Table} ALTER COLUMN ordering SET DEFAULT nextval('{Table}_ordering');
            """, ct);
    }

    /// <summary>Inserts copies of the sampled rows under persistence ids of their own, so keys never collide.</summary>
    private sealed class RowInsert(Sample sample)
    {
        private readonly int _idColumn = IndexOf(sample.Columns, "persistence_id");
        private readonly int _sequenceColumn = IndexOf(sample.Columns, "sequence_number");
        private long _next;

        public string Sql { get; } =
            $"INSERT INTO {Table} ({string.Join(", ", sample.Columns)}) VALUES ({string.Join(", ", sample.Columns.Select((_, i) => $"${i + 1}"))})";

        public NpgsqlBatchCommand Next()
        {
            var n = Interlocked.Increment(ref _next);
            var row = sample.Rows[(int)(n % sample.Rows.Count)];
            var command = new NpgsqlBatchCommand(Sql);
            for (var i = 0; i < row.Length; i++)
            {
                object? value = i == _idColumn ? $"raw-{n}" : i == _sequenceColumn ? 1L : row[i];
                command.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });
            }
            return command;
        }

        private static int IndexOf(IReadOnlyList<string> columns, string name) =>
            columns.ToList().IndexOf(name) is var i and >= 0 ? i : throw new InvalidOperationException($"The journal has no {name} column.");
    }

    private sealed record RunResult(double RowsPerSecond, Percentiles CommitMs);

    private static async Task<RunResult> RunAsync(NpgsqlDataSource data, RowInsert insert, int writers, int rowsPerTransaction, int transactions,
        CancellationToken ct)
    {
        var latencies = new ConcurrentBag<double>();
        var left = transactions;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, writers).Select(async _ =>
        {
            await using var connection = await data.OpenConnectionAsync(ct);
            while (Interlocked.Decrement(ref left) >= 0)
                latencies.Add(await CommitAsync(connection, insert, rowsPerTransaction, ct));
        }));
        return new RunResult(Math.Round(transactions * rowsPerTransaction / clock.Elapsed.TotalSeconds, 1), Percentiles.Of(latencies));
    }

    /// <summary><paramref name="writers"/> connections each commit one row at the same moment, <paramref name="bursts"/> times.</summary>
    private static async Task<Percentiles> BurstAsync(NpgsqlDataSource data, RowInsert insert, int writers, int bursts, CancellationToken ct)
    {
        var connections = new List<NpgsqlConnection>();
        try
        {
            for (var i = 0; i < writers; i++)
                connections.Add(await data.OpenConnectionAsync(ct));
            var latencies = new ConcurrentBag<double>();
            for (var b = 0; b < bursts; b++)
            {
                await Task.WhenAll(connections.Select(async c => latencies.Add(await CommitAsync(c, insert, 1, ct))));
            }
            return Percentiles.Of(latencies);
        }
        finally
        {
            foreach (var connection in connections)
                await connection.DisposeAsync();
        }
    }

    /// <summary>
    /// One transaction of <paramref name="rows"/> inserts in one round trip (a batch is one implicit transaction: its
    /// statements share one Sync); its time to commit in ms.
    /// </summary>
    private static async Task<double> CommitAsync(NpgsqlConnection connection, RowInsert insert, int rows, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        await using var batch = new NpgsqlBatch(connection);
        for (var i = 0; i < rows; i++)
            batch.BatchCommands.Add(insert.Next());
        await batch.ExecuteNonQueryAsync(ct);
        return Stopwatch.GetElapsedTime(started).TotalMilliseconds;
    }

    private static async Task ExecuteAsync(NpgsqlDataSource data, string sql, CancellationToken ct)
    {
        await using var command = data.CreateCommand(sql);
        await command.ExecuteNonQueryAsync(ct);
    }
}

/// <summary>
/// Raw inserts at the run's concurrency (rows per second, one row per transaction and <see cref="BatchRows"/> per
/// transaction) and the commit time of one row when <see cref="BurstWriters"/> writers commit at once.
/// </summary>
public sealed record BaselineResult(
    int Writers,
    double SingleRowsPerSecond,
    double BatchedRowsPerSecond,
    int BatchRows,
    Percentiles SingleCommitMs,
    int BurstWriters,
    Percentiles BurstCommitMs);
