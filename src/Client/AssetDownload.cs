namespace OpenTalk.Client;

/// <summary>What came with a downloaded asset: its file name, content type and disposition (<c>attachment</c>).</summary>
public sealed record AssetDownload(string? FileName, string? ContentType, string? Disposition);
