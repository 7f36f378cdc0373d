using OpenTalk.Host.Auth;

namespace OpenTalk.Host.Apis;

/// <param name="Groups">The groups of the sign-in token (group chats in meetings).</param>
public sealed record UserResource(Guid Id, string DisplayName, string? Email, string? Locale, bool IsAdmin, IReadOnlyList<string> Groups);

public sealed record FoundUser(Guid Id, string DisplayName, string? Email);

/// <summary>Who am I, and who can I invite: people who have signed in before, found by name or address.</summary>
public static class UsersApi
{
    public const int MaxResults = 20;

    public static IEndpointRouteBuilder MapUsersApi(this IEndpointRouteBuilder app)
    {
        var users = app.MapGroup("/v1/users").RequireAuthorization();
        users.MapGet("/me", (HttpContext context) =>
        {
            var me = CurrentUser.From(context.User)!;
            return Results.Ok(new UserResource(me.Id, me.Name, me.Email, me.Locale, me.IsAdmin, me.Groups));
        }).Returns<UserResource>();
        users.MapGet("/find", async (string? q, UserDirectory directory, HttpContext context) =>
        {
            if (q is null || q.Trim().Length < 2 || q.Length > 100)
                return Problems.Validation("q", "Search with 2 to 100 characters.");
            var found = await directory.FindAsync(q.Trim(), MaxResults, context.RequestAborted);
            return Results.Ok(found.Select(u => new FoundUser(u.Id, u.DisplayName, u.Email)).ToList());
        }).Returns<List<FoundUser>>();
        return app;
    }
}
