using System.Data.Common;
using Akka.Persistence.Query;

namespace OpenTalk.Projections;

/// <summary>A read model fed from the journal by tag. Applying the same event twice must change nothing.</summary>
public interface IProjection
{
    /// <summary>Stable name: the key of its stored offset and of <c>opentalk projections rebuild NAME</c>.</summary>
    string Name { get; }

    string Tag { get; }

    /// <summary>CREATE TABLE IF NOT EXISTS statements.</summary>
    IReadOnlyList<string> Schema { get; }

    /// <summary>Tables to empty for a rebuild from zero.</summary>
    IReadOnlyList<string> Tables { get; }

    Task ApplyAsync(DbConnection connection, DbTransaction transaction, EventEnvelope envelope);
}
