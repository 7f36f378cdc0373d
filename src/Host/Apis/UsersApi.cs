using Microsoft.Extensions.Options;
using OpenTalk.Host.Auth;
using OpenTalk.Host.Hosting;
using OpenTalk.Protocol.Rest;

namespace OpenTalk.Host.Apis;

/// <summary>A person found by name or address: OpenTalk's registered user entry (<c>kind: registered</c>).</summary>
public sealed record FoundUser(Guid Id, string Email, string Title, string Firstname, string Lastname, string DisplayName, string AvatarUrl, string Kind = "registered");

/// <summary>Who am I, my settings and tariff, and who can I invite: people who have signed in before, found by name or address.</summary>
public static class UsersApi
{
    public const int MaxResults = 20;

    public static IEndpointRouteBuilder MapUsersApi(this IEndpointRouteBuilder app)
    {
        var users = app.MapGroup("/v1/users").RequireAuthorization();
        users.MapGet("/me", async (HttpContext context, UserProfiles profiles) =>
            Results.Ok(await profiles.MeAsync(CurrentUser.From(context.User)!, context.RequestAborted))).Returns<PrivateUserProfile>();
        users.MapMethods("/me", ["PATCH"], PatchMe).Takes<PatchMeRequest>().Returns<PrivateUserProfile>();
        users.MapGet("/me/tariff", (TariffResource tariff) => Results.Ok(tariff)).Returns<TariffResource>();
        users.MapGet("/{userId:guid}", async (Guid userId, UserProfiles profiles, HttpContext context) =>
            await profiles.FindAsync(userId, context.RequestAborted) is { } profile
                ? Results.Ok(profile)
                : Problems.For(Protocol.Rest.ProblemCodes.NotFound, "No one with this id has signed in here.")).Returns<PublicUserProfile>();
        users.MapGet("/find", async (string? q, UserDirectory directory, UserProfiles profiles, HttpContext context) =>
        {
            if (q is null || q.Trim().Length < 2 || q.Length > 100)
                return Problems.Validation("q", "Search with 2 to 100 characters.");
            var found = await directory.FindAsync(q.Trim(), MaxResults, context.RequestAborted);
            var shown = await profiles.PublicAsync(found.Select(u => u.Id), context.RequestAborted);
            return Results.Ok(found.Select(u => shown[u.Id]).Select(p =>
                new FoundUser(p.Id, p.Email, p.Title, p.Firstname, p.Lastname, p.DisplayName, p.AvatarUrl)).ToList());
        }).Returns<List<FoundUser>>();
        return app;
    }

    private static async Task<IResult> PatchMe(HttpRequest request, UserProfiles profiles, IOptions<SignInSettings> signIn)
    {
        var (body, problem) = await Problems.ReadBodyAsync<PatchMeRequest>(request);
        if (problem is not null)
            return problem;
        if (UserProfiles.Check(body!) is { } invalid)
            return Problems.Validation(invalid.Field, invalid.Message);
        var me = CurrentUser.From(request.HttpContext.User)!;
        await profiles.SaveAsync(me.Id, body!, request.HttpContext.RequestAborted);
        // A local account keeps the change too, so the next sign-in's token (and the people list) carries it.
        if (signIn.Value.IsEmbedded)
            await request.HttpContext.RequestServices.GetRequiredService<AccountService>().UpdateProfileAsync(me.Id, body!.DisplayName, body.Email, body.Language, request.HttpContext.RequestAborted);
        return Results.Ok(await profiles.MeAsync(me, request.HttpContext.RequestAborted));
    }
}
