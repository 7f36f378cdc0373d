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
}
