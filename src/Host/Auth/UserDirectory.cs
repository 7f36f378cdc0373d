using System.Collections.Concurrent;
using OpenTalk.Projections;

namespace OpenTalk.Host.Auth;

/// <summary>A person as last seen in their access token: where their mail goes and in which language.</summary>
public sealed record KnownUser(Guid Id, string DisplayName, string? Email, string? Locale);

/// <summary>
/// Remembers who signed in (name, e-mail, locale from the token), so invitations to a user id can be mailed, with
/// any OpenID provider. Kept in the read-model database; written only when something changed.
/// </summary>
public sealed class UserDirectory(ReadModelDatabase database)
{
    private const string Schema = """
        CREATE TABLE IF NOT EXISTS user_directory (user_id TEXT PRIMARY KEY, display_name TEXT NOT NULL, email TEXT NULL,
            locale TEXT NULL, updated_at TEXT NOT NULL)
        """;

    private readonly ConcurrentDictionary<Guid, KnownUser> _written = new();
    private volatile bool _schemaReady;

    public async Task RememberAsync(CurrentUser user, DateTimeOffset now, CancellationToken ct)
    {
        var known = new KnownUser(user.Id, user.Name, user.Email, user.Locale);
        if (_written.TryGetValue(user.Id, out var before) && before == known)
            return;
        await EnsureSchemaAsync(ct);
        await using var connection = await database.OpenAsync(ct);
        await ReadModelDatabase.ExecuteAsync(connection, null, """
            INSERT INTO user_directory (user_id, display_name, email, locale, updated_at) VALUES (@id, @name, @email, @locale, @at)
            ON CONFLICT (user_id) DO UPDATE SET display_name = excluded.display_name, email = excluded.email,
                locale = excluded.locale, updated_at = excluded.updated_at
            """, ("@id", user.Id.ToString()), ("@name", user.Name), ("@email", user.Email), ("@locale", user.Locale),
            ("@at", now.ToString("O", System.Globalization.CultureInfo.InvariantCulture)));
        _written[user.Id] = known;
    }

    public async Task<KnownUser?> FindAsync(Guid id, CancellationToken ct)
    {
        await EnsureSchemaAsync(ct);
        await using var connection = await database.OpenAsync(ct);
        await using var command = ReadModelDatabase.Command(connection, null,
            "SELECT display_name, email, locale FROM user_directory WHERE user_id = @id", ("@id", id.ToString()));
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct)
            ? new KnownUser(id, reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2))
            : null;
    }

    /// <summary>People whose name or address contains <paramref name="query"/> (case-insensitive), at most <paramref name="limit"/>.</summary>
    public async Task<IReadOnlyList<KnownUser>> FindAsync(string query, int limit, CancellationToken ct)
    {
        await EnsureSchemaAsync(ct);
        await using var connection = await database.OpenAsync(ct);
        var pattern = "%" + query.ToLowerInvariant().Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";
        await using var command = ReadModelDatabase.Command(connection, null, """
            SELECT user_id, display_name, email, locale FROM user_directory
            WHERE LOWER(display_name) LIKE @q ESCAPE '\' OR LOWER(COALESCE(email, '')) LIKE @q ESCAPE '\'
            ORDER BY display_name, user_id LIMIT @limit
            """, ("@q", pattern), ("@limit", limit));
        await using var reader = await command.ExecuteReaderAsync(ct);
        var found = new List<KnownUser>();
        while (await reader.ReadAsync(ct))
        {
            found.Add(new KnownUser(Guid.Parse(reader.GetString(0)), reader.GetString(1),
                reader.IsDBNull(2) ? null : reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3)));
        }
        return found;
    }

    private async Task EnsureSchemaAsync(CancellationToken ct)
    {
        if (_schemaReady)
            return;
        await database.CreateSchemaAsync([Schema], ct);
        _schemaReady = true;
    }
}
