namespace OpenTalk.Host.Apis;

/// <summary>The content type an asset is served with, from its file name; what is not known here goes as bytes.</summary>
public static class AssetContentTypes
{
    public const string Bytes = "application/octet-stream";

    private static readonly Dictionary<string, string> ByExtension = new(StringComparer.OrdinalIgnoreCase)
    {
        [".webm"] = "video/webm",
        [".mp4"] = "video/mp4",
        [".mkv"] = "video/x-matroska",
        [".pdf"] = "application/pdf",
        [".png"] = "image/png",
    };

    /// <summary>Every type an asset may be served with (for the API description).</summary>
    public static string[] All { get; } = [Bytes, .. ByExtension.Values.Distinct()];

    public static string Of(string filename) => ByExtension.GetValueOrDefault(Path.GetExtension(filename), Bytes);
}
