using Marten;

namespace OpenTalk.Projections;

/// <summary>
/// Creates or updates the read models' tables once per process. Nodes that start together would race in Marten's
/// own schema creation ("relation already exists"), so the change runs under a Postgres advisory lock shared by all
/// nodes and the rebuild command.
/// </summary>
public sealed class ReadModelSchema(IDocumentStore store)
{
    private const long LockKey = 0x4F54_524D; // "OTRM"

    private readonly Lock _gate = new();
    private Task? _applied;

    /// <summary>Applies the schema once; a failed attempt (Postgres away) is forgotten, so the next call tries again.</summary>
    public Task EnsureAsync(CancellationToken ct = default)
    {
        lock (_gate)
        {
            if (_applied is null || _applied.IsFaulted || _applied.IsCanceled)
                _applied = ApplyAsync();
            return _applied.WaitAsync(ct);
        }
    }

    private async Task ApplyAsync()
    {
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync();
        await using (var take = connection.CreateCommand())
        {
            take.CommandText = $"SELECT pg_advisory_lock({LockKey})";
            await take.ExecuteNonQueryAsync();
        }
        try
        {
            await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        }
        finally
        {
            // Closing the connection would release it too; unlocking at once lets the next node go on.
            await using var free = connection.CreateCommand();
            free.CommandText = $"SELECT pg_advisory_unlock({LockKey})";
            await free.ExecuteNonQueryAsync();
        }
    }
}
