using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;

namespace OpenTalk.Host.Auth;

/// <summary>The signed-in caller as the APIs see it.</summary>
public sealed record CurrentUser(Guid Id, string Name, bool IsAdmin, IReadOnlySet<string> Roles, IReadOnlyList<string> Groups)
{
    /// <summary>From the <c>email</c> claim, when the provider sends one.</summary>
    public string? Email { get; init; }

    /// <summary>From the <c>locale</c> claim (e.g. <c>de</c>, <c>de-DE</c>, <c>en</c>).</summary>
    public string? Locale { get; init; }

    /// <summary>From the <c>given_name</c> and <c>family_name</c> claims, when the provider sends them.</summary>
    public string? GivenName { get; init; }

    public string? FamilyName { get; init; }

    public const string AdminRole = "opentalk-admin";

    /// <summary>May read and check every room's history (the audit API), and nothing an administrator may change.</summary>
    public const string AuditorRole = "opentalk-auditor";

    public bool IsAuditor => Roles.Contains(AuditorRole);

    public static CurrentUser? From(ClaimsPrincipal principal)
    {
        if (principal.Identity?.IsAuthenticated != true)
            return null;
        var subject = principal.FindFirstValue("sub") ?? principal.FindFirstValue(ClaimTypes.NameIdentifier);
        if (string.IsNullOrEmpty(subject))
            return null;
        var roles = principal.FindAll("role").Concat(principal.FindAll(ClaimTypes.Role))
            .Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
        var name = principal.FindFirstValue("name") ?? principal.FindFirstValue("preferred_username") ?? subject;
        var groups = principal.FindAll("groups").Select(c => c.Value.TrimStart('/')).ToList();
        return new CurrentUser(IdOf(subject), name, roles.Contains(AdminRole), roles, groups)
        {
            Email = principal.FindFirstValue("email") ?? principal.FindFirstValue(ClaimTypes.Email),
            Locale = principal.FindFirstValue("locale"),
            GivenName = principal.FindFirstValue("given_name"),
            FamilyName = principal.FindFirstValue("family_name"),
        };
    }

    /// <summary>Providers that do not use UUID subjects get a stable UUID derived from the subject.</summary>
    public static Guid IdOf(string subject) =>
        Guid.TryParse(subject, out var id) ? id : new Guid(SHA256.HashData(Encoding.UTF8.GetBytes(subject)).AsSpan(0, 16));
}
