namespace OpenTalk.Deploy.Tests;

/// <summary>Paths in the repository the tests run from (found by walking up to OpenTalk.sln).</summary>
public static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string PathOf(string relative) => Path.Combine(Root, relative.Replace('/', Path.DirectorySeparatorChar));

    public static string Read(string relative) => File.ReadAllText(PathOf(relative));

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "OpenTalk.sln")))
                return folder.FullName;
        }
        throw new InvalidOperationException("OpenTalk.sln not found above " + AppContext.BaseDirectory);
    }
}
