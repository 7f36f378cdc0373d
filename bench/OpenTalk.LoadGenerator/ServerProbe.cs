using Npgsql;

namespace OpenTalk.LoadGenerator;

/// <summary>What the load generator reads off the server: its memory and the journal's size.</summary>
public static class ServerProbe
{
    public static long? ResidentBytes(int? pid)
    {
        if (pid is null || !File.Exists($"/proc/{pid}/status"))
            return null;
        var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return line is null ? null : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) * 1024;
    }

    public static async Task<long?> JournalRowsAsync(string? postgres)
    {
        if (postgres is null)
            return null;
        await using var connection = new NpgsqlConnection(postgres);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand("SELECT count(*) FROM journal", connection);
        return (long)(await count.ExecuteScalarAsync())!;
    }
}
