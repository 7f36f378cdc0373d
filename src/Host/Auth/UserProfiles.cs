using System.Security.Cryptography;
using System.Text;
using Marten;
using Microsoft.Extensions.Options;
using OpenTalk.Host.Hosting;
using OpenTalk.Projections;
using OpenTalk.Projections.Assets;
using OpenTalk.Protocol.Rest;

namespace OpenTalk.Host.Auth;

/// <summary>What a person set for themselves, kept beside the read models (the token gives the rest).</summary>
public sealed class UserPreferencesDocument
{
    public Guid Id { get; set; }

    public string Title { get; set; } = "";

    public string? DisplayName { get; set; }

    public string? Language { get; set; }

    /// <summary>The address the person gave here (empty: none), over the one their sign-in token gives.</summary>
    public string? Email { get; set; }

    public string DashboardTheme { get; set; } = UserProfiles.SystemTheme;

    public string ConferenceTheme { get; set; } = UserProfiles.SystemTheme;
}

/// <summary>
/// Profiles in OpenTalk's shapes, from what the sign-in token said (the <see cref="UserDirectory"/>) and what the
/// person set themselves. First and last name come from the provider's <c>given_name</c>/<c>family_name</c>; a
/// provider without them (the embedded one) gives the display name as first name, since splitting a name is a guess.
/// </summary>
public sealed class UserProfiles(UserDirectory directory, IDocumentStore store, ReadModelSchema schema, IOptions<OpenTalkSettings> settings, AssetsReader assets)
{
    public const string SystemTheme = "system";
    public static readonly string[] Themes = [SystemTheme, "light", "dark"];
    public const int MaxTitleLength = 255;
    public const int MaxDisplayNameLength = 100;

    public async Task<PrivateUserProfile> MeAsync(CurrentUser me, CancellationToken ct)
    {
        var preferences = await PreferencesAsync(me.Id, ct) ?? new UserPreferencesDocument { Id = me.Id };
        var known = new KnownUser(me.Id, me.Name, preferences.Email ?? me.Email, me.Locale, me.GivenName, me.FamilyName);
        var profile = Public(known, preferences);
        return new PrivateUserProfile(profile.Id, profile.Email, profile.Title, profile.Firstname, profile.Lastname, profile.DisplayName,
            profile.AvatarUrl, preferences.DashboardTheme, preferences.ConferenceTheme, preferences.Language ?? me.Locale ?? "",
            "default", await assets.UsedStorageAsync(me.Id, ct), me.IsAdmin, me.Groups);
    }

    /// <summary>Profiles of <paramref name="ids"/>; people who never signed in here get a profile with only their id.</summary>
    public async Task<IReadOnlyDictionary<Guid, PublicUserProfile>> PublicAsync(IEnumerable<Guid> ids, CancellationToken ct)
    {
        var wanted = ids.Distinct().ToArray();
        var known = await directory.FindManyAsync(wanted, ct);
        var preferences = await PreferencesManyAsync(wanted, ct);
        return wanted.ToDictionary(id => id, id => known.TryGetValue(id, out var user)
            ? Public(user, preferences.GetValueOrDefault(id))
            : new PublicUserProfile(id, "", "", "", "", "", ""));
    }

    public async Task<PublicUserProfile?> FindAsync(Guid id, CancellationToken ct) =>
        await directory.FindAsync(id, ct) is { } user ? Public(user, await PreferencesAsync(id, ct)) : null;

    /// <summary>The language the person chose here, else the one their sign-in token gave; null when neither is known.</summary>
    public async Task<string?> LanguageAsync(Guid id, CancellationToken ct) =>
        (await PreferencesAsync(id, ct))?.Language ?? (await directory.FindAsync(id, ct))?.Locale;

    /// <summary>Checks a change; null when it is valid, else the field and what is wrong.</summary>
    public static (string Field, string Message)? Check(PatchMeRequest patch) => patch switch
    {
        { Title.Length: > MaxTitleLength } => ("title", $"A title has at most {MaxTitleLength} characters."),
        { DisplayName: { } name } when string.IsNullOrWhiteSpace(name) || name.Length > MaxDisplayNameLength || name.Any(char.IsControl)
            => ("display_name", $"A display name has 1 to {MaxDisplayNameLength} characters and no control characters."),
        { Language: { } language } when language.Length is 0 or > 35 || !language.All(c => char.IsAsciiLetterOrDigit(c) || c == '-')
            => ("language", "A language is a tag such as en, de or de-DE."),
        { Email: { Length: > 0 } email } when email.Length > 254 || !System.Net.Mail.MailAddress.TryCreate(email, out var address) || address.Address != email
            => ("email", "An e-mail address such as name@example.org, or empty for none."),
        { DashboardTheme: { } theme } when !Themes.Contains(theme) => ("dashboard_theme", "Use system, light or dark."),
        { ConferenceTheme: { } theme } when !Themes.Contains(theme) => ("conference_theme", "Use system, light or dark."),
        _ => null,
    };

    public async Task SaveAsync(Guid id, PatchMeRequest patch, CancellationToken ct)
    {
        await schema.EnsureAsync(ct);
        await using var session = store.LightweightSession();
        var preferences = await session.LoadAsync<UserPreferencesDocument>(id, ct) ?? new UserPreferencesDocument { Id = id };
        preferences.Title = patch.Title ?? preferences.Title;
        preferences.DisplayName = patch.DisplayName?.Trim() ?? preferences.DisplayName;
        preferences.Language = patch.Language ?? preferences.Language;
        preferences.Email = patch.Email?.Trim() ?? preferences.Email;
        preferences.DashboardTheme = patch.DashboardTheme ?? preferences.DashboardTheme;
        preferences.ConferenceTheme = patch.ConferenceTheme ?? preferences.ConferenceTheme;
        session.Store(preferences);
        await session.SaveChangesAsync(ct);
    }

    private PublicUserProfile Public(KnownUser user, UserPreferencesDocument? preferences)
    {
        var displayName = preferences?.DisplayName ?? user.DisplayName;
        var email = preferences?.Email ?? user.Email;
        return new PublicUserProfile(user.Id, email ?? "", preferences?.Title ?? "",
            user.GivenName ?? displayName, user.FamilyName ?? "", displayName, AvatarUrl(email));
    }

    /// <summary>
    /// A Libravatar/Gravatar address of the person's e-mail, when <c>OpenTalk:AvatarBaseUrl</c> names a service (as
    /// OpenTalk does); none by default, since each picture shown would tell that service who is in which meeting.
    /// </summary>
    public string AvatarUrl(string? email)
    {
        var service = settings.Value.AvatarBaseUrl;
        if (string.IsNullOrWhiteSpace(service) || string.IsNullOrWhiteSpace(email))
            return "";
#pragma warning disable CA5351 // MD5 is what Libravatar and Gravatar key pictures by; no secret is protected here.
        var hash = Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(email.Trim().ToLowerInvariant())));
#pragma warning restore CA5351
        return service.TrimEnd('/') + "/" + hash;
    }

    private async Task<UserPreferencesDocument?> PreferencesAsync(Guid id, CancellationToken ct)
    {
        await schema.EnsureAsync(ct);
        await using var session = store.QuerySession();
        return await session.LoadAsync<UserPreferencesDocument>(id, ct);
    }

    private async Task<IReadOnlyDictionary<Guid, UserPreferencesDocument>> PreferencesManyAsync(Guid[] ids, CancellationToken ct)
    {
        if (ids.Length == 0)
            return new Dictionary<Guid, UserPreferencesDocument>();
        await schema.EnsureAsync(ct);
        await using var session = store.QuerySession();
        return (await session.LoadManyAsync<UserPreferencesDocument>(ct, ids)).ToDictionary(p => p.Id);
    }
}
