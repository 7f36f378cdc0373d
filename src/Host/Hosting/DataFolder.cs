using System.Runtime.InteropServices;

namespace OpenTalk.Host.Hosting;

/// <summary>
/// The data folder holds signing keys, the first administrator's password and outgoing mail: only the
/// node's own user may read it. The folder is made 0700 and what is in it 0600 (folders 0700), and
/// the process's file mode mask becomes 077, so that files created later (mails in the outbox, new
/// keys) are private from the start. A private PostgreSQL that <c>./run</c> keeps in its
/// <c>postgres</c> subfolder manages its own files (it runs as its own user): that subfolder is left
/// alone, and the folder stays passable (0710) for the group that <c>./run</c> gives it.
/// </summary>
public static class DataFolder
{
    public const string PostgresFolder = "postgres";

    private const UnixFileMode Private = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode PrivateFolder = Private | UnixFileMode.UserExecute;

    public static void Protect(string path)
    {
        Directory.CreateDirectory(path);
        if (OperatingSystem.IsWindows())
            return;
        _ = SetUmask(0b000_111_111); // 077
        var postgres = Path.Combine(Path.GetFullPath(path), PostgresFolder);
        var keepsPostgres = Directory.Exists(postgres);
        File.SetUnixFileMode(path, keepsPostgres ? PrivateFolder | UnixFileMode.GroupExecute : PrivateFolder);
        ProtectEntries(new DirectoryInfo(path), postgres);
    }

    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    private static void ProtectEntries(DirectoryInfo folder, string postgres)
    {
        foreach (var entry in folder.EnumerateFileSystemInfos())
        {
            if (entry.LinkTarget is not null || entry.FullName == postgres)
                continue;
            File.SetUnixFileMode(entry.FullName, entry is DirectoryInfo ? PrivateFolder : Private);
            if (entry is DirectoryInfo subfolder)
                ProtectEntries(subfolder, postgres);
        }
    }

    // DllImport rather than LibraryImport: a uint in and out needs no marshalling, and no unsafe code in this project.
#pragma warning disable SYSLIB1054
    [DllImport("libc", EntryPoint = "umask")]
    private static extern uint SetUmask(uint mask);
#pragma warning restore SYSLIB1054
}
