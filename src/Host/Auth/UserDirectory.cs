using System.Collections.Concurrent;
using Marten;
using OpenTalk.Projections;

namespace OpenTalk.Host.Auth;

/// <summary>A person as last seen in their access token: where their mail goes and in which language.</summary>
public sealed record KnownUser(Guid Id, string DisplayName, string? Email, string? Locale, string? GivenName = null, string? FamilyName = null);

/// <summary>A <see cref="KnownUser"/> as stored (a Marten document beside the read models).</summary>
public sealed class UserDirectoryEntry
{
    public Guid Id { get; set; }

    public string DisplayName { get; set; } = "";

    public string? Email { get; set; }

    public string? Locale { get; set; }

    public string? GivenName { get; set; }

    public string? FamilyName { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public KnownUser ToKnownUser() => new(Id, DisplayName, Email, Locale, GivenName, FamilyName);
}

/// <summary>
/// Remembers who signed in (name, e-mail, locale from the token), so invitations to a user id can be mailed, with
/// any OpenID provider. Kept beside the read models; written only when something changed.
/// </summary>
public sealed class UserDirectory(IDocumentStore store, ReadModelSchema schema)
{
    private readonly ConcurrentDictionary<Guid, KnownUser> _written = new();

    public async Task RememberAsync(CurrentUser user, DateTimeOffset now, CancellationToken ct)
    {
        var known = new KnownUser(user.Id, user.Name, user.Email, user.Locale, user.GivenName, user.FamilyName);
        if (_written.TryGetValue(user.Id, out var before) && before == known)
            return;
        await schema.EnsureAsync(ct);
        await using var session = store.LightweightSession();
        session.Store(new UserDirectoryEntry
        {
            Id = user.Id, DisplayName = user.Name, Email = user.Email, Locale = user.Locale,
            GivenName = user.GivenName, FamilyName = user.FamilyName, UpdatedAt = now.ToUniversalTime(),
        });
        await session.SaveChangesAsync(ct);
        _written[user.Id] = known;
    }

    /// <summary>The people among <paramref name="ids"/> who signed in before.</summary>
    public async Task<IReadOnlyDictionary<Guid, KnownUser>> FindManyAsync(IEnumerable<Guid> ids, CancellationToken ct)
    {
        var wanted = ids.Distinct().ToArray();
        if (wanted.Length == 0)
            return new Dictionary<Guid, KnownUser>();
        await schema.EnsureAsync(ct);
        await using var session = store.QuerySession();
        var found = await session.LoadManyAsync<UserDirectoryEntry>(ct, wanted);
        return found.ToDictionary(u => u.Id, u => u.ToKnownUser());
    }

    public async Task<KnownUser?> FindAsync(Guid id, CancellationToken ct)
    {
        await schema.EnsureAsync(ct);
        await using var session = store.QuerySession();
        return (await session.LoadAsync<UserDirectoryEntry>(id, ct))?.ToKnownUser();
    }

    /// <summary>People whose name or address contains <paramref name="query"/> (case-insensitive), at most <paramref name="limit"/>.</summary>
    public async Task<IReadOnlyList<KnownUser>> FindAsync(string query, int limit, CancellationToken ct)
    {
        await schema.EnsureAsync(ct);
        await using var session = store.QuerySession();
        // Marten turns this into ILIKE and escapes the pattern's own % and _.
        var found = await session.Query<UserDirectoryEntry>()
            .Where(u => u.DisplayName.Contains(query, StringComparison.OrdinalIgnoreCase)
                || (u.Email != null && u.Email.Contains(query, StringComparison.OrdinalIgnoreCase)))
            .OrderBy(u => u.DisplayName).ThenBy(u => u.Id).Take(limit)
            .ToListAsync(ct);
        return [.. found.Select(u => u.ToKnownUser())];
    }
}
