using Microsoft.Data.Sqlite;

namespace OpenTalk.Actors;

/// <summary>
/// Prepares a SQLite journal file: write-ahead logging, so reading (recovery, audit) never blocks
/// writing events, and a busy timeout instead of "database is locked" failures under load.
/// </summary>
public static class SqliteJournalFile
{
    public static string Prepare(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var connectionString = new SqliteConnectionStringBuilder { DataSource = Path.GetFullPath(path), DefaultTimeout = 30 }.ToString();
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var wal = connection.CreateCommand();
        wal.CommandText = "PRAGMA journal_mode=WAL;";
        wal.ExecuteNonQuery();
        return connectionString;
    }
}
