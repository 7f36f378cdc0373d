using Akka.Persistence.Query;
using Marten;

namespace OpenTalk.Projections;

/// <summary>A read model fed from the journal by tag. Applying the same event twice must change nothing.</summary>
public interface IProjection
{
    /// <summary>Stable name: the key of its stored offset and of <c>opentalk projections rebuild NAME</c>.</summary>
    string Name { get; }

    string Tag { get; }

    /// <summary>Queues the deletion of every document this projection owns (a rebuild from zero).</summary>
    void Clear(IDocumentOperations session);

    Task ApplyAsync(ProjectionBatch batch, EventEnvelope envelope, CancellationToken ct);
}
