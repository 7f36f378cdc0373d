using System.Runtime.InteropServices;

namespace OpenTalk.Host.Hosting;

/// <summary>
/// The data folder holds password hashes, signing keys, the journal and outgoing mail: only the
/// node's own user may read it. The folder is made 0700 and what is in it 0600 (folders 0700), and
/// the process's file mode mask becomes 077, so that files created later (SQLite's write-ahead logs,
/// mails in the outbox, new keys) are private from the start.
/// </summary>
public static class DataFolder
{
    private const UnixFileMode Private = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode PrivateFolder = Private | UnixFileMode.UserExecute;

    public static void Protect(string path)
    {
        Directory.CreateDirectory(path);
        if (OperatingSystem.IsWindows())
            return;
        _ = SetUmask(0b000_111_111); // 077
        File.SetUnixFileMode(path, PrivateFolder);
        foreach (var entry in new DirectoryInfo(path).EnumerateFileSystemInfos("*", SearchOption.AllDirectories))
        {
            if (entry.LinkTarget is not null)
                continue;
            File.SetUnixFileMode(entry.FullName, entry is DirectoryInfo ? PrivateFolder : Private);
        }
    }

    // DllImport rather than LibraryImport: a uint in and out needs no marshalling, and no unsafe code in this project.
#pragma warning disable SYSLIB1054
    [DllImport("libc", EntryPoint = "umask")]
    private static extern uint SetUmask(uint mask);
#pragma warning restore SYSLIB1054
}
