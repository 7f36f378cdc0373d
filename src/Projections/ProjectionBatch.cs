using Marten;

namespace OpenTalk.Projections;

/// <summary>
/// The documents one batch of events reads and writes, in one Marten session. A lightweight session neither
/// remembers what it loaded nor shows queued writes to later reads, so the batch does: an event that follows another
/// about the same meeting in the same batch sees its effect, and each changed document is written once at the end.
/// </summary>
public sealed class ProjectionBatch(IDocumentSession session)
{
    private readonly Dictionary<(Type, object), object?> _seen = [];
    private readonly Dictionary<(Type, object), object> _changed = [];

    public Task<T?> LoadAsync<T>(Guid id, CancellationToken ct) where T : class => LoadAsync(id, () => session.LoadAsync<T>(id, ct));

    public Task<T?> LoadAsync<T>(string id, CancellationToken ct) where T : class => LoadAsync(id, () => session.LoadAsync<T>(id, ct));

    /// <summary>Writes the document when the batch commits (an upsert); later loads in this batch see it.</summary>
    public void Store<T>(object id, T document) where T : class
    {
        _seen[(typeof(T), id)] = document;
        _changed[(typeof(T), id)] = document;
    }

    /// <summary>Adds a document that must not exist yet (the commit fails if it does), e.g. a queued mail.</summary>
    public void Insert<T>(T document) where T : class => session.Insert(document);

    internal void Flush() => session.StoreObjects(_changed.Values);

    private async Task<T?> LoadAsync<T>(object id, Func<Task<T?>> load) where T : class
    {
        if (_seen.TryGetValue((typeof(T), id), out var known))
            return (T?)known;
        var loaded = await load();
        _seen[(typeof(T), id)] = loaded;
        return loaded;
    }
}
