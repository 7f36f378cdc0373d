using Akka.Actor;
using Akka.Cluster;
using Akka.Cluster.Sharding;
using OpenTalk.Actors.Meetings;
using OpenTalk.Host.Auth;
using OpenTalk.Protocol.Rest;

namespace OpenTalk.Host.Apis;

/// <summary>One member of the cluster; what it carries is asked of the member itself, and null when it did not answer in time.</summary>
/// <param name="Meetings">Meetings hosted by that node (null when it did not answer in time).</param>
/// <param name="Connections">Sockets (participants) that node serves (null when it did not answer in time).</param>
/// <param name="StartedAt">When that node started.</param>
/// <param name="UptimeSeconds">How long it has run when it answered.</param>
/// <param name="MeetingIds">The rooms whose meetings it hosts (their number is <paramref name="Meetings"/>).</param>
/// <param name="ShardRegions">Shards and entities of its meetings' and timers' shard regions.</param>
/// <param name="Projections">How far each projection is behind the journal (events and seconds), as that node last read it.</param>
/// <param name="LastErrors">Its newest error-level log entries (at most 20, newest first; time, category, message).</param>
public sealed record ClusterMember(string Address, string Status, IReadOnlyList<string> Roles, bool IsSelf, int? Meetings, int? Connections,
    DateTimeOffset? StartedAt = null, double? UptimeSeconds = null, IReadOnlyList<Guid>? MeetingIds = null,
    IReadOnlyList<ShardRegionLoad>? ShardRegions = null, IReadOnlyList<ProjectionLag>? Projections = null,
    IReadOnlyList<Observability.NodeError>? LastErrors = null)
{
    public static ClusterMember Of(Member member, bool isSelf, NodeLoad? load) =>
        new(member.Address.ToString(), member.Status.ToString().ToLowerInvariant(), [.. member.Roles], isSelf, load?.HostedMeetings.Count,
            load?.Connections, load?.StartedAt, load?.UptimeSeconds, load?.HostedMeetings, load?.Regions, load?.Projections, load?.LastErrors);
}

public sealed record ClusterView(string Self, string? Leader, IReadOnlyList<ClusterMember> Members, IReadOnlyList<string> Unreachable,
    IReadOnlyList<Guid> HostedMeetings);

public sealed record CreateAccountRequest(string? UserName, string? DisplayName, string? Password, bool IsAdmin = false, string[]? Groups = null,
    string? Email = null, string? Language = null, bool IsAuditor = false);

/// <param name="Disabled">The account cannot sign in; its refresh tokens are refused.</param>
public sealed record AccountResource(Guid Id, string UserName, string DisplayName, bool IsAdmin, string? Email = null, bool Disabled = false,
    DateTimeOffset? CreatedAt = null, bool IsAuditor = false)
{
    public static AccountResource Of(Account account) => new(account.Id, account.UserName, account.DisplayName, account.IsAdmin, account.Email,
        account.Disabled, account.CreatedAt == default ? null : account.CreatedAt, account.IsAuditor);
}

/// <summary>What an administrator changes on an account: disable or enable it, set a new password, make it an auditor or not.</summary>
public sealed record PatchAccountRequest(bool? Disabled = null, string? Password = null, bool? IsAuditor = null);

/// <summary>
/// Cluster view, draining a node, ending a meeting or removing a participant, local accounts (create, list, disable,
/// reset a password, the auditor role) and the record of all these actions: for administrators only.
/// </summary>
public static class AdminApi
{
    public static IEndpointRouteBuilder MapAdminApi(this IEndpointRouteBuilder app, bool embeddedSignIn)
    {
        var admin = app.MapGroup("/v1/admin").RequireAuthorization();
        admin.MapGet("/cluster", async (HttpContext context, ActorSystem system) =>
            IsAdmin(context)
                ? Results.Ok(await ViewOfAsync(system))
                : Problems.For(ProblemCodes.Forbidden)).Returns<ClusterView>();
        admin.MapGet("/media", async (HttpContext context, ActorSystem system) =>
        {
            if (!IsAdmin(context))
                return Problems.For(ProblemCodes.Forbidden);
            if (!Akka.Hosting.ActorRegistry.For(system).TryGet<OpenTalk.Media.MediaGatewayActor>(out var gateway))
                return Results.Ok(new OpenTalk.Media.MediaOverview([]));
            return Results.Ok(await gateway.Ask<OpenTalk.Media.MediaOverview>(new OpenTalk.Media.GetMediaOverview(), TimeSpan.FromSeconds(5)));
        }).Returns<OpenTalk.Media.MediaOverview>();
        admin.MapPost("/nodes/{node}/drain", DrainNodeAsync).Returns<NodeDraining>(StatusCodes.Status202Accepted);
        admin.MapPost("/rooms/{roomId:guid}/end", (Guid roomId, HttpContext context, EngineGateway engine, AdminActions actions) =>
            RemoveAsync(roomId, null, context, engine, actions)).ReturnsNothing();
        admin.MapDelete("/rooms/{roomId:guid}/participants/{participantId:guid}",
            (Guid roomId, Guid participantId, HttpContext context, EngineGateway engine, AdminActions actions) =>
                RemoveAsync(roomId, participantId, context, engine, actions)).ReturnsNothing();
        admin.MapGet("/actions", async (HttpContext context, AdminActions actions) =>
            IsAdmin(context)
                ? Results.Ok(await actions.NewestAsync(context.RequestAborted))
                : Problems.For(ProblemCodes.Forbidden)).Returns<List<AdminAction>>();
        if (embeddedSignIn)
        {
            admin.MapGet("/accounts", ListAccounts).Returns<List<AccountResource>>();
            admin.MapPost("/accounts", CreateAccount).Takes<CreateAccountRequest>().Returns<AccountResource>(StatusCodes.Status201Created);
            admin.MapMethods("/accounts/{accountId:guid}", ["PATCH"], PatchAccount).Takes<PatchAccountRequest>().Returns<AccountResource>();
        }
        return app;
    }

    /// <summary>Ends a meeting (everyone in it and waiting is removed) or removes one participant; recorded.</summary>
    private static async Task<IResult> RemoveAsync(Guid roomId, Guid? participantId, HttpContext context, EngineGateway engine, AdminActions actions)
    {
        var user = CurrentUser.From(context.User);
        if (user?.IsAdmin != true)
            return Problems.For(ProblemCodes.Forbidden);
        var reply = await engine.AskMeetingAsync<MeetingReply>(new RemoveByAdmin(roomId, user.Id, participantId), context.RequestAborted);
        if (reply.Error is { } error)
            return Problems.For(error, participantId is null ? "There is no such room." : "Nobody with this id is in the room or waiting.");
        await actions.RecordAsync(user, participantId is null ? "end_meeting" : "remove_participant",
            participantId is { } one ? $"{roomId}/{one}" : roomId.ToString());
        return Results.NoContent();
    }

    /// <summary>
    /// Drains an Up member, named by its address (<c>akka.tcp://opentalk@10.0.0.2:4053</c>, URL-encoded) or its
    /// <c>host:port</c>: it answers at once and then takes itself out of service (<see cref="Hosting.NodeDrain"/>).
    /// </summary>
    private static async Task<IResult> DrainNodeAsync(string node, HttpContext context, ActorSystem system, AdminActions actions)
    {
        var user = CurrentUser.From(context.User);
        if (user?.IsAdmin != true)
            return Problems.For(ProblemCodes.Forbidden);
        var named = Uri.UnescapeDataString(node);
        var up = Cluster.Get(system).State.Members.Where(m => m.Status == MemberStatus.Up).ToList();
        var member = up.Find(m => m.Address.ToString() == named || $"{m.Address.Host}:{m.Address.Port}" == named);
        if (member is null)
            return Problems.For(ProblemCodes.NotFound, "No member of the cluster that is up has this address.");
        if (up.Count == 1)
            return Problems.For(ProblemCodes.BadRequest, "This is the cluster's only node: nobody could take its meetings over. Stop it instead.");
        try
        {
            var draining = await system.ActorSelection($"{member.Address}/user/{NodeLoadActor.Name}")
                .Ask<NodeDraining>(new DrainNode($"{user.Name} ({user.Id})"), TimeSpan.FromSeconds(5));
            await actions.RecordAsync(user, "drain_node", draining.Address);
            return Results.Json(draining, statusCode: StatusCodes.Status202Accepted);
        }
        catch (Exception e) when (e is AskTimeoutException or ActorNotFoundException)
        {
            return Problems.For(ProblemCodes.Unavailable, "The node did not answer; try again, or stop it with SIGTERM.");
        }
    }

    private static bool IsAdmin(HttpContext context) => CurrentUser.From(context.User)?.IsAdmin == true;

    /// <summary>The members, each with what it carries (asked of every Up member at once), and this node's meetings.</summary>
    private static async Task<ClusterView> ViewOfAsync(ActorSystem system)
    {
        var cluster = Cluster.Get(system);
        var state = cluster.State;
        var loads = await Task.WhenAll(state.Members.Select(async m =>
        {
            if (m.Status != MemberStatus.Up)
                return (m, (NodeLoad?)null);
            try
            {
                var load = await system.ActorSelection($"{m.Address}/user/{NodeLoadActor.Name}").Ask<NodeLoad>(new GetNodeLoad(), TimeSpan.FromSeconds(3));
                return (m, load);
            }
            catch (Exception e) when (e is AskTimeoutException or ActorNotFoundException)
            {
                return (m, null);
            }
        }));
        return new ClusterView(
            cluster.SelfAddress.ToString(),
            state.Leader?.ToString(),
            [.. loads.Select(x => ClusterMember.Of(x.m, x.m.Address == cluster.SelfAddress, x.Item2))],
            state.Unreachable.Select(m => m.Address.ToString()).ToList(),
            loads.FirstOrDefault(x => x.m.Address == cluster.SelfAddress).Item2?.HostedMeetings ?? []);
    }

    private static async Task<IResult> CreateAccount(HttpRequest request, AccountService accounts, AdminActions actions)
    {
        if (!IsAdmin(request.HttpContext))
            return Problems.For(ProblemCodes.Forbidden);
        var (body, problem) = await Problems.ReadBodyAsync<CreateAccountRequest>(request);
        if (problem is not null)
            return problem;
        if (string.IsNullOrWhiteSpace(body!.UserName) || body.UserName.Length > 64)
            return Problems.Validation("user_name", "A user name has 1 to 64 characters.");
        if (CheckPassword(body.Password) is { } weak)
            return weak;
        if (body.Email is { } email && (!System.Net.Mail.MailAddress.TryCreate(email, out var address) || address.Address != email))
            return Problems.Validation("email", "One plain e-mail address.");
        if (body.Language is { } language && language is not ("en" or "de"))
            return Problems.Validation("language", "en or de.");
        var account = await accounts.CreateAsync(body.UserName.Trim(), body.DisplayName?.Trim() is { Length: > 0 } name ? name : body.UserName.Trim(),
            body.Password!, body.IsAdmin, body.Groups ?? [], body.Email, body.Language ?? "en", request.HttpContext.RequestAborted, body.IsAuditor);
        if (account is null)
            return Problems.Validation("user_name", "That user name is taken.");
        await actions.RecordAsync(CurrentUser.From(request.HttpContext.User)!, "create_account", account.UserName,
            string.Join(", ", new[] { account.IsAdmin ? "administrator" : null, account.IsAuditor ? "auditor" : null }.OfType<string>()) is { Length: > 0 } roles ? roles : null);
        return Results.Created($"/v1/admin/accounts/{account.Id}", AccountResource.Of(account));
    }

    private static async Task<IResult> ListAccounts(HttpContext context, AccountService accounts) =>
        IsAdmin(context)
            ? Results.Ok((await accounts.ListAsync(context.RequestAborted)).Select(AccountResource.Of).ToList())
            : Problems.For(ProblemCodes.Forbidden);

    private static async Task<IResult> PatchAccount(Guid accountId, HttpRequest request, AccountService accounts, AdminActions actions)
    {
        if (!IsAdmin(request.HttpContext))
            return Problems.For(ProblemCodes.Forbidden);
        var (body, problem) = await Problems.ReadBodyAsync<PatchAccountRequest>(request);
        if (problem is not null)
            return problem;
        if (body!.Password is not null && CheckPassword(body.Password) is { } weak)
            return weak;
        // An administrator who locked themselves out could not undo it; another administrator can disable them.
        if (body.Disabled == true && CurrentUser.From(request.HttpContext.User)!.Id == accountId)
            return Problems.For(ProblemCodes.Forbidden, "You cannot disable your own account.");
        var account = await accounts.UpdateAsync(accountId, body.Disabled, body.Password, request.HttpContext.RequestAborted, body.IsAuditor);
        if (account is null)
            return Problems.For(ProblemCodes.NotFound, "There is no account with this id.");
        var changes = new[]
        {
            body.Disabled switch { true => "disabled", false => "enabled", null => null },
            body.Password is null ? null : "password reset",
            body.IsAuditor switch { true => "auditor role given", false => "auditor role taken", null => null },
        }.OfType<string>();
        await actions.RecordAsync(CurrentUser.From(request.HttpContext.User)!, "update_account", account.UserName, string.Join(", ", changes));
        return Results.Ok(AccountResource.Of(account));
    }

    private static IResult? CheckPassword(string? password) => password is { Length: >= 8 and <= 256 }
        ? null
        : Problems.Validation("password", "A password has 8 to 256 characters.");
}
