using Marten;
using OpenTalk.Actors.Telemetry;
using OpenTalk.Projections;

namespace OpenTalk.Host.Observability;

/// <summary>
/// Reads, now and then, how far each projection is behind the journal: the events with its tag after its stored
/// offset, and the age of the oldest of them. Every node reads it (offsets and journal are shared), so any node's
/// metrics show it, whichever node runs the projections.
/// </summary>
public sealed partial class ProjectionLagProbe(IDocumentStore store, ProjectionStore offsets, TimeProvider clock,
    Microsoft.Extensions.Options.IOptions<ObservabilitySettings> settings, ILogger<ProjectionLagProbe> log) : BackgroundService
{
    // Counting stops here: a projection this far behind is rebuilding, and counting further would only cost the database.
    private const int CountAtMost = 100_000;

    // The journal's table and columns as Akka.Persistence.Sql creates them; tags are kept as ";tag;" (tag-write-mode Csv);
    // created is DateTime ticks (UTC).
    private const string Behind = """
        SELECT count(*), min(created) FROM (
            SELECT created FROM public.journal WHERE ordering > @offset AND tags LIKE @tag AND NOT deleted ORDER BY ordering LIMIT @most
        ) AS behind
        """;

    private volatile IReadOnlyList<ProjectionGauge> _latest = [];

    /// <summary>The last reading; empty until the first one.</summary>
    public IReadOnlyList<ProjectionGauge> Latest => _latest;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(settings.Value.ProjectionLagEverySeconds), clock);
        do
        {
            try
            {
                _latest = await ReadAsync(stoppingToken);
            }
            catch (Npgsql.PostgresException e) when (e.SqlState == Npgsql.PostgresErrorCodes.UndefinedTable)
            {
                // A new database: the journal's table comes with the first write. Nothing is behind yet.
                _latest = [];
            }
            catch (Exception e) when (e is System.Data.Common.DbException or Marten.Exceptions.MartenException or TimeoutException)
            {
                // Postgres away: the readiness probe says so; the gauges keep their last reading.
                LogReadFailed(e.Message);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task<IReadOnlyList<ProjectionGauge>> ReadAsync(CancellationToken ct)
    {
        var readings = new List<ProjectionGauge>();
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(ct);
        foreach (var projection in ProjectionCatalog.All)
        {
            var offset = await offsets.OffsetAsync(projection.Name, ct);
            await using var command = connection.CreateCommand();
            command.CommandText = Behind;
            command.Parameters.AddWithValue("offset", offset);
            command.Parameters.AddWithValue("tag", $"%;{projection.Tag};%");
            command.Parameters.AddWithValue("most", CountAtMost);
            await using var reader = await command.ExecuteReaderAsync(ct);
            await reader.ReadAsync(ct);
            var count = reader.GetInt64(0);
            var seconds = count == 0 || reader.IsDBNull(1)
                ? 0
                : Math.Max(0, (clock.GetUtcNow() - new DateTimeOffset(reader.GetInt64(1), TimeSpan.Zero)).TotalSeconds);
            readings.Add(new ProjectionGauge(projection.Name, count, seconds));
        }
        return readings;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not read how far the projections are behind: {Error}")]
    private partial void LogReadFailed(string error);
}
