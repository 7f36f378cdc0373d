namespace OpenTalk.Actors.Journal;

/// <summary>How entities name their journal streams (<c>meeting-{id}</c>), and how readers of the journal tell them apart.</summary>
public static class PersistenceIds
{
    public const string Meeting = "meeting";
    public const string Event = "event";

    public static string Of(string kind, string entityId) => $"{kind}-{entityId}";

    public static string Of(string kind, Guid entityId) => Of(kind, entityId.ToString());

    /// <summary>The id of the entity whose stream this is, when it is one of <paramref name="kind"/>.</summary>
    public static bool TryParse(string persistenceId, string kind, out Guid entityId)
    {
        entityId = Guid.Empty;
        return persistenceId.Length > kind.Length + 1 && persistenceId.StartsWith(kind, StringComparison.Ordinal)
            && persistenceId[kind.Length] == '-' && Guid.TryParse(persistenceId.AsSpan(kind.Length + 1), out entityId);
    }
}
