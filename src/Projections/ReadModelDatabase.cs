using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;
using OpenTalk.Actors;

namespace OpenTalk.Projections;

/// <summary>
/// Where read models live: the journal's own database (Postgres in production, a SQLite file on one
/// machine). The SQL used is the common part of both (TEXT, BIGINT, INSERT ... ON CONFLICT).
/// </summary>
public sealed class ReadModelDatabase(JournalProvider provider, string connectionString)
{
    public async Task<DbConnection> OpenAsync(CancellationToken ct = default)
    {
        DbConnection connection = provider == JournalProvider.Postgres
            ? new NpgsqlConnection(connectionString)
            : new SqliteConnection(connectionString);
        await connection.OpenAsync(ct);
        return connection;
    }

    public static async Task<int> ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql,
        params (string Name, object? Value)[] parameters)
    {
        await using var command = Command(connection, transaction, sql, parameters);
        return await command.ExecuteNonQueryAsync();
    }

    public static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }
        return command;
    }

    private static readonly SemaphoreSlim SchemaLock = new(1, 1);

    /// <summary>
    /// Runs CREATE ... IF NOT EXISTS statements. Postgres can still fail two such statements racing for the same table
    /// (a unique violation in its catalog), so they run one at a time in this process and are retried once when another
    /// node won the race.
    /// </summary>
    public async Task CreateSchemaAsync(IEnumerable<string> statements, CancellationToken ct = default)
    {
        await SchemaLock.WaitAsync(ct);
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    await using var connection = await OpenAsync(ct);
                    foreach (var statement in statements)
                        await ExecuteAsync(connection, null, statement);
                    return;
                }
                catch (PostgresException e) when (attempt == 1 && e.SqlState is PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.DuplicateTable)
                {
                    // Another node created it at the same moment: now it exists.
                }
            }
        }
        finally
        {
            SchemaLock.Release();
        }
    }
}
