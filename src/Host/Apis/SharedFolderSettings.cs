using System.ComponentModel.DataAnnotations;

namespace OpenTalk.Host.Apis;

/// <summary>The rooms' shared folders (section <c>SharedFolder</c>).</summary>
public sealed class SharedFolderSettings
{
    public const string Section = "SharedFolder";

    /// <summary>The largest file a moderator may put in a shared folder (bytes; default 200 MB).</summary>
    [Range(1024, long.MaxValue)]
    public long MaxFileBytes { get; set; } = 200L * 1000 * 1000;
}
