namespace OpenTalk.Projections;

/// <summary>How far one projection has read the journal (its id is the projection's name).</summary>
public sealed class ProjectionOffset
{
    public string Id { get; set; } = "";

    public long Offset { get; set; }
}
