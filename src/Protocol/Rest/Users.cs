namespace OpenTalk.Protocol.Rest;

/// <summary>A person as others see them (OpenTalk's <c>PublicUserProfile</c>): who created a meeting, who is invited.</summary>
public sealed record PublicUserProfile(Guid Id, string Email, string Title, string Firstname, string Lastname, string DisplayName, string AvatarUrl);

/// <summary>
/// The signed-in person's own profile (OpenTalk's <c>PrivateUserProfile</c>), plus ours: <paramref name="IsAdmin"/>
/// and <paramref name="Groups"/> (the token's groups, for group chats).
/// </summary>
public sealed record PrivateUserProfile(
    Guid Id, string Email, string Title, string Firstname, string Lastname, string DisplayName, string AvatarUrl,
    string DashboardTheme, string ConferenceTheme, string Language, string TariffStatus, long UsedStorage,
    bool IsAdmin, IReadOnlyList<string> Groups);

/// <summary>
/// What a person changes of their profile (<c>PATCH /v1/users/me</c>); omitted fields stay. <paramref name="Email"/> is
/// ours (OpenTalk takes the address from its provider): an empty one removes it.
/// </summary>
public sealed record PatchMeRequest(string? Title, string? DisplayName, string? Language, string? DashboardTheme, string? ConferenceTheme,
    string? Email = null);

/// <summary>
/// Who an invitee is (the <c>profile</c> of OpenTalk's <c>EventInvitee</c>): <c>kind: registered</c> with the person's
/// public profile and role, or <c>kind: email</c> with the address (and the role it was invited with, ours).
/// </summary>
public sealed record InviteeProfile(
    string Kind,
    Guid? Id,
    string Email,
    string? Title,
    string? Firstname,
    string? Lastname,
    string? DisplayName,
    string AvatarUrl,
    InviteRole Role)
{
    public static InviteeProfile Registered(PublicUserProfile p, InviteRole role) =>
        new("registered", p.Id, p.Email, p.Title, p.Firstname, p.Lastname, p.DisplayName, p.AvatarUrl, role);

    public static InviteeProfile ByEmail(string email, string avatarUrl, InviteRole role) =>
        new("email", null, email, null, null, null, null, avatarUrl, role);
}
