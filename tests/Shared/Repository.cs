namespace OpenTalk.Tests.Shared;

/// <summary>Where the checkout is (for the scripts under <c>deploy/</c>).</summary>
public static class Repository
{
    public static string Root
    {
        get
        {
            var folder = new DirectoryInfo(AppContext.BaseDirectory);
            while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "OpenTalk.sln")))
                folder = folder.Parent;
            return folder?.FullName ?? throw new InvalidOperationException("The repository root (OpenTalk.sln) was not found.");
        }
    }
}
