using System.Data.Common;

namespace OpenTalk.Projections;

/// <summary>Schema, stored offsets and rebuilds of the projections.</summary>
public sealed class ProjectionStore(ReadModelDatabase database)
{
    private const string OffsetsTable = """
        CREATE TABLE IF NOT EXISTS projection_offsets (name TEXT PRIMARY KEY, event_offset BIGINT NOT NULL)
        """;

    // Tables are created once per process (no DDL on every read); a rebuild drops and re-creates them.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, byte> _ensured = new(StringComparer.Ordinal);

    public async Task EnsureSchemaAsync(IProjection projection, CancellationToken ct = default)
    {
        if (_ensured.ContainsKey(projection.Name))
            return;
        await database.CreateSchemaAsync([OffsetsTable, .. projection.Schema], ct);
        _ensured.TryAdd(projection.Name, 0);
    }

    public async Task<long> OffsetAsync(string name, CancellationToken ct = default)
    {
        await database.CreateSchemaAsync([OffsetsTable], ct);
        await using var connection = await database.OpenAsync(ct);
        await using var command = ReadModelDatabase.Command(connection, null,
            "SELECT event_offset FROM projection_offsets WHERE name = @name", ("@name", name));
        return await command.ExecuteScalarAsync(ct) is { } value and not DBNull ? Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture) : 0;
    }

    public static Task SaveOffsetAsync(DbConnection connection, DbTransaction transaction, string name, long offset) =>
        ReadModelDatabase.ExecuteAsync(connection, transaction, """
            INSERT INTO projection_offsets (name, event_offset) VALUES (@name, @offset)
            ON CONFLICT (name) DO UPDATE SET event_offset = excluded.event_offset
            """, ("@name", name), ("@offset", offset));

    /// <summary>
    /// Drops the read model's tables (so a changed schema takes effect) and forgets its offset: the next run
    /// rebuilds it from the first event.
    /// </summary>
    public async Task ResetAsync(IProjection projection, CancellationToken ct = default)
    {
        await database.CreateSchemaAsync([OffsetsTable], ct);
        await using var connection = await database.OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        foreach (var table in projection.Tables)
            await ReadModelDatabase.ExecuteAsync(connection, transaction, $"DROP TABLE IF EXISTS {table}");
        foreach (var statement in projection.Schema)
            await ReadModelDatabase.ExecuteAsync(connection, transaction, statement);
        await ReadModelDatabase.ExecuteAsync(connection, transaction, "DELETE FROM projection_offsets WHERE name = @name", ("@name", projection.Name));
        await transaction.CommitAsync(ct);
    }

    public async Task ApplyBatchAsync(IProjection projection, IReadOnlyList<Akka.Persistence.Query.EventEnvelope> batch, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        foreach (var envelope in batch)
            await projection.ApplyAsync(connection, transaction, envelope);
        // The offset moves in the same transaction as the rows it covers.
        await SaveOffsetAsync(connection, transaction, projection.Name, ((Akka.Persistence.Query.Sequence)batch[^1].Offset).Value);
        await transaction.CommitAsync(ct);
    }
}
