using Npgsql;
using OpenTalk.Actors.Journal;

namespace OpenTalk.Host.Audit;

/// <summary>
/// Reads a room's stream straight from the journal table, as stored: the audit must see a changed or broken row as it
/// is, where the actors' own reader would stop at the first row it cannot read.
/// </summary>
public sealed class AuditJournal(string connectionString)
{
    /// <summary>The stored events from <paramref name="from"/> on, at most <paramref name="limit"/> of them, oldest first.</summary>
    public async Task<IReadOnlyList<StoredEvent>> EventsAsync(Guid roomId, CancellationToken ct, long from = 1, int limit = int.MaxValue)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(
            "select sequence_number, manifest, message from journal where persistence_id = @id and not deleted and sequence_number >= @from order by sequence_number limit @limit",
            connection);
        command.Parameters.AddWithValue("id", PersistenceIds.Of(PersistenceIds.Meeting, roomId));
        command.Parameters.AddWithValue("from", from);
        command.Parameters.AddWithValue("limit", (long)limit);
        var events = new List<StoredEvent>();
        try
        {
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
                events.Add(new StoredEvent(reader.GetInt64(0), reader.GetString(1), (byte[])reader.GetValue(2)));
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            // A database no node has written to yet: no journal, no events.
        }
        return events;
    }

    /// <summary>The newest snapshot's position and the hash it recorded, when the room has one.</summary>
    public async Task<SnapshotMark?> SnapshotAsync(Guid roomId, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(
            "select sequence_number, convert_from(snapshot, 'UTF8')::jsonb ->> 'last_hash' from snapshot where persistence_id = @id order by sequence_number desc limit 1",
            connection);
        command.Parameters.AddWithValue("id", PersistenceIds.Of(PersistenceIds.Meeting, roomId));
        try
        {
            await using var reader = await command.ExecuteReaderAsync(ct);
            return await reader.ReadAsync(ct) && !reader.IsDBNull(1) ? new SnapshotMark(reader.GetInt64(0), reader.GetString(1)) : null;
        }
        catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.UndefinedTable or PostgresErrorCodes.InvalidTextRepresentation
                                              or PostgresErrorCodes.CharacterNotInRepertoire)
        {
            // No snapshots yet, or one that is not ours to read: the chain alone is checked.
            return null;
        }
    }

    public async Task<ChainReport> CheckAsync(Guid roomId, CancellationToken ct) =>
        ChainAudit.Check(await EventsAsync(roomId, ct), await SnapshotAsync(roomId, ct));
}
