using Akka.Persistence.Query;
using Marten;

namespace OpenTalk.Projections;

/// <summary>Stored offsets, batches and rebuilds of the projections.</summary>
public sealed class ProjectionStore(IDocumentStore store, ReadModelSchema schema)
{
    public async Task<long> OffsetAsync(string name, CancellationToken ct = default)
    {
        await schema.EnsureAsync(ct);
        await using var session = store.QuerySession();
        return (await session.LoadAsync<ProjectionOffset>(name, ct))?.Offset ?? 0;
    }

    /// <summary>Applies a batch of events; the documents and the projection's offset commit in one transaction.</summary>
    public async Task ApplyBatchAsync(IProjection projection, IReadOnlyList<EventEnvelope> batch, CancellationToken ct = default)
    {
        await using var session = store.LightweightSession();
        var documents = new ProjectionBatch(session);
        foreach (var envelope in batch)
            await projection.ApplyAsync(documents, envelope, ct);
        documents.Flush();
        session.Store(new ProjectionOffset { Id = projection.Name, Offset = ((Sequence)batch[^1].Offset).Value });
        await session.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Empties the read model and forgets its offset, in one transaction: the next run rebuilds it from the first
    /// event.
    /// </summary>
    public async Task ResetAsync(IProjection projection, CancellationToken ct = default)
    {
        await schema.EnsureAsync(ct);
        await using var session = store.LightweightSession();
        projection.Clear(session);
        session.Delete<ProjectionOffset>(projection.Name);
        await session.SaveChangesAsync(ct);
    }
}
