using Marten;
using OpenTalk.Host.Auth;
using OpenTalk.Projections;

namespace OpenTalk.Host.Apis;

/// <summary>One thing an administrator did: who, when, what, to what.</summary>
public sealed class AdminActionDocument
{
    public Guid Id { get; set; }

    public DateTimeOffset At { get; set; }

    public Guid AdminId { get; set; }

    public string AdminName { get; set; } = "";

    /// <summary><c>drain_node</c>, <c>end_meeting</c>, <c>remove_participant</c>, <c>create_account</c>, <c>update_account</c>.</summary>
    public string Action { get; set; } = "";

    /// <summary>What it was done to: a node's address, a room id, a participant, an account's user name.</summary>
    public string Target { get; set; } = "";

    /// <summary>What changed, in a few words (<c>disabled</c>, <c>password reset</c>, <c>auditor</c>).</summary>
    public string? Detail { get; set; }
}

public sealed record AdminAction(DateTimeOffset At, Guid AdminId, string AdminName, string Action, string Target, string? Detail);

/// <summary>
/// The record of administrators' actions, kept beside the read models (all nodes see one record) and shown on the
/// administration page. Written after the action succeeded; a record that cannot be written is logged, and the action
/// stands.
/// </summary>
public sealed partial class AdminActions(IDocumentStore store, ReadModelSchema schema, TimeProvider clock, ILogger<AdminActions> log)
{
    public const int Newest = 100;

    public async Task RecordAsync(CurrentUser admin, string action, string target, string? detail = null)
    {
        try
        {
            await schema.EnsureAsync();
            await using var session = store.LightweightSession();
            session.Store(new AdminActionDocument
            {
                Id = Guid.NewGuid(), At = clock.GetUtcNow(), AdminId = admin.Id, AdminName = admin.Name, Action = action, Target = target, Detail = detail,
            });
            await session.SaveChangesAsync();
        }
        catch (Exception e) when (e is Npgsql.NpgsqlException or TimeoutException or InvalidOperationException)
        {
            LogNotRecorded(log, action, target, admin.Name, e);
        }
    }

    public async Task<IReadOnlyList<AdminAction>> NewestAsync(CancellationToken ct)
    {
        await schema.EnsureAsync(ct);
        await using var session = store.QuerySession();
        var documents = await session.Query<AdminActionDocument>().OrderByDescending(a => a.At).Take(Newest).ToListAsync(ct);
        return [.. documents.Select(a => new AdminAction(a.At, a.AdminId, a.AdminName, a.Action, a.Target, a.Detail))];
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not record the admin action {Action} on {Target} by {Admin}")]
    private static partial void LogNotRecorded(ILogger logger, string action, string target, string admin, Exception error);
}
