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

    /// <summary>CPU time (user and system) a process has used so far, from /proc.</summary>
    public static double? CpuSeconds(int? pid)
    {
        if (pid is null || !File.Exists($"/proc/{pid}/stat"))
            return null;
        // Fields after the command name (which may hold spaces, so read past its closing parenthesis): utime is the
        // 14th field of the line, stime the 15th, in clock ticks (100 per second on Linux).
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return (long.Parse(fields[11], System.Globalization.CultureInfo.InvariantCulture) + long.Parse(fields[12], System.Globalization.CultureInfo.InvariantCulture)) / 100.0;
    }

    /// <summary>CPU time all PostgreSQL processes on the machine have used so far (the server and its backends).</summary>
    public static double PostgresCpuSeconds() =>
        Directory.EnumerateDirectories("/proc")
            .Select(Path.GetFileName)
            .Where(name => int.TryParse(name, out _))
            .Select(name => (Pid: int.Parse(name!, System.Globalization.CultureInfo.InvariantCulture), Comm: ReadOrEmpty($"/proc/{name}/comm").Trim()))
            .Where(p => p.Comm.StartsWith("postgres", StringComparison.Ordinal) || p.Comm.StartsWith("postmaster", StringComparison.Ordinal))
            .Sum(p => CpuSeconds(p.Pid) ?? 0);

    private static string ReadOrEmpty(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (IOException)
        {
            return "";
        }
    }

    /// <summary>The machine's one-minute load average when the run starts (a busy machine's figures are marked so).</summary>
    public static double? LoadAverage() =>
        File.Exists("/proc/loadavg")
            ? double.Parse(File.ReadAllText("/proc/loadavg").Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture)
            : null;

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
