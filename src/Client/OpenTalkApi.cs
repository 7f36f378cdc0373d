using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using OpenTalk.Protocol;
using OpenTalk.Protocol.Rest;

namespace OpenTalk.Client;

/// <summary>Typed client of the REST API v1. Set <see cref="AccessToken"/> for calls that need a user.</summary>
public sealed class OpenTalkApi(HttpClient http)
{
    public string? AccessToken { get; set; }

    public Uri BaseAddress => http.BaseAddress!;

    public Task<RoomResource> CreateRoomAsync(CreateRoomRequest request, CancellationToken ct = default) =>
        SendAsync<RoomResource>(HttpMethod.Post, "v1/rooms", request, ct);

    public Task<RoomResource> GetRoomAsync(Guid roomId, CancellationToken ct = default) =>
        SendAsync<RoomResource>(HttpMethod.Get, $"v1/rooms/{roomId}", null, ct);

    public Task<InviteResource> CreateInviteAsync(Guid roomId, CreateInviteRequest? request = null, CancellationToken ct = default) =>
        SendAsync<InviteResource>(HttpMethod.Post, $"v1/rooms/{roomId}/invites", request ?? new CreateInviteRequest(), ct);

    public Task<VerifyInviteResponse> VerifyInviteAsync(string code, CancellationToken ct = default) =>
        SendAsync<VerifyInviteResponse>(HttpMethod.Post, "v1/invite/verify", new VerifyInviteRequest(code), ct);

    public Task<TicketResponse> StartAsync(Guid roomId, string? resumption = null, Guid? breakoutRoom = null, CancellationToken ct = default) =>
        SendAsync<TicketResponse>(HttpMethod.Post, $"v1/rooms/{roomId}/start", new StartRequest(resumption, breakoutRoom), ct, safeToRepeat: true);

    /// <summary>A recorder (signed in with its client credentials) asks for a ticket to the room that sent for it.</summary>
    public Task<TicketResponse> StartRecorderAsync(Guid roomId, Guid? breakoutRoom = null, CancellationToken ct = default) =>
        SendAsync<TicketResponse>(HttpMethod.Post, "v1/services/recording/start", new ServiceStartRequest(roomId, breakoutRoom), ct);

    /// <summary>The phone gateway's: a ticket for a caller who keyed in <paramref name="conferenceId"/> and <paramref name="pin"/>.</summary>
    public Task<TicketResponse> StartCallInAsync(string conferenceId, string pin, CancellationToken ct = default) =>
        SendAsync<TicketResponse>(HttpMethod.Post, "v1/services/call_in/start", new CallInStartRequest(conferenceId, pin), ct);

    /// <summary>The phone gateway took a room's call to a phone: the number to dial.</summary>
    public Task<CallOutStartResponse> StartCallOutAsync(Guid roomId, Guid? breakoutRoom, Guid callId, CancellationToken ct = default) =>
        SendAsync<CallOutStartResponse>(HttpMethod.Post, "v1/services/call_out/start", new CallOutRequest(roomId, breakoutRoom, callId), ct);

    /// <summary>The callee picked up: their ticket into the room.</summary>
    public Task<TicketResponse> CallOutAnsweredAsync(Guid roomId, Guid? breakoutRoom, Guid callId, CancellationToken ct = default) =>
        SendAsync<TicketResponse>(HttpMethod.Post, "v1/services/call_out/answered", new CallOutRequest(roomId, breakoutRoom, callId), ct,
            safeToRepeat: true);

    /// <summary>The callee was not reached: <paramref name="reason"/> is busy, declined, no_answer or unreachable.</summary>
    public Task CallOutFailedAsync(Guid roomId, Guid? breakoutRoom, Guid callId, string reason, CancellationToken ct = default) =>
        NoContentAsync(HttpMethod.Post, "v1/services/call_out/failed", new CallOutFailedRequest(roomId, breakoutRoom, callId, reason), ct);

    public Task<TicketResponse> StartInvitedAsync(Guid roomId, string inviteCode, string? password = null, string? resumption = null,
        Guid? breakoutRoom = null, CancellationToken ct = default) =>
        SendAsync<TicketResponse>(HttpMethod.Post, $"v1/rooms/{roomId}/start_invited", new StartInvitedRequest(inviteCode, password, resumption, breakoutRoom), ct,
            safeToRepeat: true);

    public Task<EventResource> CreateEventAsync(EventRequest request, CancellationToken ct = default) =>
        SendAsync<EventResource>(HttpMethod.Post, "v1/events", request, ct);

    public Task<EventResource> GetEventAsync(Guid eventId, CancellationToken ct = default) =>
        SendAsync<EventResource>(HttpMethod.Get, $"v1/events/{eventId}", null, ct);

    /// <summary>Changes only the fields present in <paramref name="changes"/> (snake_case names).</summary>
    public Task<EventResource> PatchEventAsync(Guid eventId, object changes, CancellationToken ct = default) =>
        SendAsync<EventResource>(HttpMethod.Patch, $"v1/events/{eventId}", changes, ct);

    public Task DeleteEventAsync(Guid eventId, CancellationToken ct = default) =>
        NoContentAsync(HttpMethod.Delete, $"v1/events/{eventId}", null, ct);

    public Task<EventPage> ListEventsAsync(int? perPage = null, string? after = null, CancellationToken ct = default) =>
        ListEventsAsync(new EventListQuery(perPage, after), ct);

    /// <summary>The dashboard list with filters; a null filter is not sent.</summary>
    public async Task<EventPage> ListEventsAsync(EventListQuery query, CancellationToken ct = default)
    {
        var (entries, next) = await PageAsync<JsonElement>("v1/events" + Query(
            ("per_page", query.PerPage?.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("after", query.After),
            ("time_min", query.TimeMin?.ToString("O", System.Globalization.CultureInfo.InvariantCulture)),
            ("time_max", query.TimeMax?.ToString("O", System.Globalization.CultureInfo.InvariantCulture)),
            ("invite_status", query.InviteStatus?.ToString().ToLowerInvariant()),
            ("favorites", query.Favorites is { } f ? (f ? "true" : "false") : null),
            ("adhoc", query.Adhoc is { } a ? (a ? "true" : "false") : null),
            ("time_independent", query.TimeIndependent is { } t ? (t ? "true" : "false") : null)), ct);
        // Meetings and the changed occurrences after them, told apart by their type.
        bool IsException(JsonElement e) => e.GetProperty("type").GetString() == "exception";
        return new EventPage(
            [.. entries.Where(e => !IsException(e)).Select(e => e.Deserialize<EventResource>(WireJson.Options)!)],
            [.. entries.Where(IsException).Select(e => e.Deserialize<EventExceptionResource>(WireJson.Options)!)],
            next);
    }

    public async Task<InstancePage> ListInstancesAsync(Guid eventId, DateTimeOffset? timeMin = null, DateTimeOffset? timeMax = null,
        int? perPage = null, string? after = null, CancellationToken ct = default)
    {
        var (items, next) = await PageAsync<InstanceResource>($"v1/events/{eventId}/instances" + Query(
            ("time_min", timeMin?.ToString("O", System.Globalization.CultureInfo.InvariantCulture)),
            ("time_max", timeMax?.ToString("O", System.Globalization.CultureInfo.InvariantCulture)),
            ("per_page", perPage?.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("after", after)), ct);
        return new InstancePage(items, next);
    }

    /// <summary>A list page: the bare array, and the cursor of the next page from the <c>Link</c> header (<c>rel="after"</c>).</summary>
    private async Task<(List<T> Items, string? Next)> PageAsync<T>(string path, CancellationToken ct)
    {
        using var response = await SendRepeatingWhileBusyAsync(HttpMethod.Get, path, null, safeToRepeat: true, ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        if (!response.IsSuccessStatusCode)
            throw new OpenTalkApiException(response.StatusCode, CodeOf(text), text);
        string? next = null;
        if (response.Headers.TryGetValues("Link", out var links))
            foreach (var link in links.SelectMany(l => l.Split(",<")))
                if (link.Contains("rel=\"after\"", StringComparison.Ordinal)
                    && System.Text.RegularExpressions.Regex.Match(link, "[?&]after=([^&>]*)") is { Success: true } cursor)
                    next = Uri.UnescapeDataString(cursor.Groups[1].Value);
        return (JsonSerializer.Deserialize<List<T>>(text, WireJson.Options)!, next);
    }

    public Task<InstanceResource> PatchInstanceAsync(Guid eventId, string instanceId, InstancePatchRequest changes, CancellationToken ct = default) =>
        SendAsync<InstanceResource>(HttpMethod.Patch, $"v1/events/{eventId}/instances/{instanceId}", changes, ct);

    public Task SetFavoriteAsync(Guid eventId, bool favorite, CancellationToken ct = default) =>
        NoContentAsync(favorite ? HttpMethod.Put : HttpMethod.Delete, $"v1/users/me/event_favorites/{eventId}", null, ct);

    public Task<List<StreamingTargetResource>> ListStreamingTargetsAsync(Guid roomId, CancellationToken ct = default) =>
        SendAsync<List<StreamingTargetResource>>(HttpMethod.Get, $"v1/rooms/{roomId}/streaming_targets", null, ct);

    public Task<StreamingTargetResource> AddStreamingTargetAsync(Guid roomId, StreamingTargetRequest target, CancellationToken ct = default) =>
        SendAsync<StreamingTargetResource>(HttpMethod.Post, $"v1/rooms/{roomId}/streaming_targets", target, ct);

    public Task<StreamingTargetResource> PatchStreamingTargetAsync(Guid roomId, Guid targetId, StreamingTargetRequest changes, CancellationToken ct = default) =>
        SendAsync<StreamingTargetResource>(HttpMethod.Patch, $"v1/rooms/{roomId}/streaming_targets/{targetId}", changes, ct);

    public Task DeleteStreamingTargetAsync(Guid roomId, Guid targetId, CancellationToken ct = default) =>
        NoContentAsync(HttpMethod.Delete, $"v1/rooms/{roomId}/streaming_targets/{targetId}", null, ct);

    /// <summary>
    /// The recorder hands in a finished recording of <paramref name="roomId"/> (made in <paramref name="breakoutRoom"/>
    /// when given): <paramref name="content"/> is sent as it is read, never buffered, and is not sent twice.
    /// </summary>
    public async Task<AssetResource> UploadRecordingAsync(Guid roomId, Guid? breakoutRoom, string filename, Stream content,
        double? durationSeconds = null, CancellationToken ct = default)
    {
        var path = "v1/services/recording/upload" + Query(("room_id", roomId.ToString()), ("breakout_room", breakoutRoom?.ToString()),
            ("filename", filename), ("duration", durationSeconds?.ToString("R", System.Globalization.CultureInfo.InvariantCulture)));
        using var body = new StreamContent(content);
        body.Headers.ContentType = new MediaTypeHeaderValue("video/webm");
        if (content.CanSeek)
            body.Headers.ContentLength = content.Length - content.Position;
        // The file waits for the node's go-ahead (Expect: 100-continue): a refusal (413, 404, ...) comes before gigabytes are sent.
        using var response = await SendRawAsync(HttpMethod.Post, path, body, expectContinue: true, ct);
        return await ReadAsync<AssetResource>(response, ct);
    }

    /// <summary>A page of the room's assets, newest first (owner or admin).</summary>
    public Task<List<AssetResource>> ListRoomAssetsAsync(Guid roomId, int? perPage = null, int? page = null, CancellationToken ct = default) =>
        SendAsync<List<AssetResource>>(HttpMethod.Get, $"v1/rooms/{roomId}/assets" + Query(
            ("per_page", perPage?.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("page", page?.ToString(System.Globalization.CultureInfo.InvariantCulture))), null, ct);

    /// <summary>
    /// The assets of every room the caller owns; <paramref name="sort"/> one of <c>created_at</c>, <c>filename</c>,
    /// <c>size</c>, <c>namespace</c>, <c>kind</c>; <paramref name="order"/> <c>ascending</c> or <c>descending</c>.
    /// </summary>
    public Task<UserAssetsResponse> ListMyAssetsAsync(int? perPage = null, int? page = null, string? sort = null, string? order = null,
        CancellationToken ct = default) =>
        SendAsync<UserAssetsResponse>(HttpMethod.Get, "v1/users/me/assets" + Query(
            ("per_page", perPage?.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("page", page?.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("sort", sort), ("order", order)), null, ct);

    /// <summary>Copies the asset's file into <paramref name="destination"/>; returns its name and content type as the server sent them.</summary>
    public async Task<AssetDownload> DownloadAssetAsync(Guid roomId, Guid assetId, Stream destination, CancellationToken ct = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"v1/rooms/{roomId}/assets/{assetId}");
        if (AccessToken is not null)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", AccessToken);
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
        if (!response.IsSuccessStatusCode)
        {
            var text = await response.Content.ReadAsStringAsync(ct);
            throw new OpenTalkApiException(response.StatusCode, CodeOf(text), text);
        }
        await using (var body = await response.Content.ReadAsStreamAsync(ct))
            await body.CopyToAsync(destination, ct);
        var disposition = response.Content.Headers.ContentDisposition;
        return new AssetDownload(disposition?.FileNameStar ?? disposition?.FileName?.Trim('"'), response.Content.Headers.ContentType?.MediaType,
            disposition?.DispositionType);
    }

    public Task DeleteAssetAsync(Guid roomId, Guid assetId, CancellationToken ct = default) =>
        NoContentAsync(HttpMethod.Delete, $"v1/rooms/{roomId}/assets/{assetId}", null, ct);

    /// <summary>The caller's own profile (OpenTalk's <c>PrivateUserProfile</c>, with <c>used_storage</c>).</summary>
    public Task<PrivateUserProfile> GetMeAsync(CancellationToken ct = default) =>
        SendAsync<PrivateUserProfile>(HttpMethod.Get, "v1/users/me", null, ct);

    private static string Query(params (string Name, string? Value)[] parameters)
    {
        var present = parameters.Where(p => p.Value is not null).Select(p => $"{p.Name}={Uri.EscapeDataString(p.Value!)}").ToList();
        return present.Count == 0 ? "" : "?" + string.Join('&', present);
    }

    public Task<EventInvitee> InviteAsync(Guid eventId, EventInviteRequest invite, CancellationToken ct = default) =>
        SendAsync<EventInvitee>(HttpMethod.Post, $"v1/events/{eventId}/invites", invite, ct);

    public Task<List<EventInvitee>> ListInvitesAsync(Guid eventId, CancellationToken ct = default) =>
        SendAsync<List<EventInvitee>>(HttpMethod.Get, $"v1/events/{eventId}/invites", null, ct);

    public async Task UninviteAsync(Guid eventId, Guid invitee, CancellationToken ct = default) =>
        await NoContentAsync(HttpMethod.Delete, $"v1/events/{eventId}/invites/{invitee}", null, ct);

    public async Task AnswerInviteAsync(Guid eventId, InviteStatus status, CancellationToken ct = default) =>
        await NoContentAsync(HttpMethod.Patch, $"v1/events/{eventId}/invite", new InviteAnswerRequest(status), ct);

    private async Task NoContentAsync(HttpMethod method, string path, object? body, CancellationToken ct)
    {
        using var response = await SendRepeatingWhileBusyAsync(method, path, body, IsSafeToRepeat(method), ct);
        if (!response.IsSuccessStatusCode)
        {
            var text = await response.Content.ReadAsStringAsync(ct);
            throw new OpenTalkApiException(response.StatusCode, CodeOf(text), text);
        }
    }

    public Task<List<EventResource>> PendingInvitesAsync(CancellationToken ct = default) =>
        SendAsync<List<EventResource>>(HttpMethod.Get, "v1/users/me/pending_invites", null, ct);

    public Task<JsonElement> GetSipAsync(Guid roomId, CancellationToken ct = default) =>
        SendAsync<JsonElement>(HttpMethod.Get, $"v1/rooms/{roomId}/sip", null, ct);

    public Task<JsonElement> PutSipAsync(Guid roomId, string? pin = null, CancellationToken ct = default) =>
        SendAsync<JsonElement>(HttpMethod.Put, $"v1/rooms/{roomId}/sip", new { password = pin }, ct);

    public Task DeleteSipAsync(Guid roomId, CancellationToken ct = default) =>
        NoContentAsync(HttpMethod.Delete, $"v1/rooms/{roomId}/sip", null, ct);

    public Task<JsonElement> GetAuditEventsAsync(Guid roomId, long? from = null, CancellationToken ct = default) =>
        SendAsync<JsonElement>(HttpMethod.Get, $"v1/audit/rooms/{roomId}/events" + (from is { } f ? $"?from={f}" : ""), null, ct);

    public Task<JsonElement> VerifyAuditAsync(Guid roomId, CancellationToken ct = default) =>
        SendAsync<JsonElement>(HttpMethod.Get, $"v1/audit/rooms/{roomId}/verify", null, ct);

    /// <summary>The room as it stood at <paramref name="at"/> (now when null), rebuilt from its journal.</summary>
    public Task<JsonElement> GetAuditStateAsync(Guid roomId, DateTimeOffset? at = null, CancellationToken ct = default) =>
        SendAsync<JsonElement>(HttpMethod.Get, $"v1/audit/rooms/{roomId}/state"
            + (at is { } instant ? "?at=" + Uri.EscapeDataString(instant.ToString("O", System.Globalization.CultureInfo.InvariantCulture)) : ""), null, ct);

    /// <summary>Administrators: ends a meeting (everyone in it or waiting is removed).</summary>
    public Task EndMeetingAsync(Guid roomId, CancellationToken ct = default) =>
        NoContentAsync(HttpMethod.Post, $"v1/admin/rooms/{roomId}/end", null, ct);

    /// <summary>Administrators: removes one participant from a meeting.</summary>
    public Task RemoveParticipantAsync(Guid roomId, Guid participantId, CancellationToken ct = default) =>
        NoContentAsync(HttpMethod.Delete, $"v1/admin/rooms/{roomId}/participants/{participantId}", null, ct);

    /// <summary>Administrators: the newest recorded admin actions, newest first.</summary>
    public Task<JsonElement> GetAdminActionsAsync(CancellationToken ct = default) =>
        SendAsync<JsonElement>(HttpMethod.Get, "v1/admin/actions", null, ct);

    /// <summary>Drains a cluster member, named by <c>host:port</c> of its cluster address or the whole address.</summary>
    public Task<JsonElement> DrainNodeAsync(string node, CancellationToken ct = default) =>
        SendAsync<JsonElement>(HttpMethod.Post, $"v1/admin/nodes/{Uri.EscapeDataString(node)}/drain", null, ct);

    public Task<JsonElement> GetClusterAsync(CancellationToken ct = default) =>
        SendAsync<JsonElement>(HttpMethod.Get, "v1/admin/cluster", null, ct);

    public Task<JsonElement> CreateAccountAsync(string userName, string password, string? displayName = null, bool isAdmin = false,
        IReadOnlyList<string>? groups = null, string? email = null, string? language = null, bool isAuditor = false, CancellationToken ct = default) =>
        SendAsync<JsonElement>(HttpMethod.Post, "v1/admin/accounts",
            new { user_name = userName, password, display_name = displayName, is_admin = isAdmin, groups = groups ?? [], email, language, is_auditor = isAuditor }, ct);

    /// <summary>The embedded provider's accounts, by user name (administrators only).</summary>
    public Task<JsonElement> ListAccountsAsync(CancellationToken ct = default) =>
        SendAsync<JsonElement>(HttpMethod.Get, "v1/admin/accounts", null, ct);

    /// <summary>Disables or enables an account, or sets a new password for it (administrators only).</summary>
    public Task<JsonElement> PatchAccountAsync(Guid accountId, bool? disabled = null, string? password = null, bool? isAuditor = null,
        CancellationToken ct = default) =>
        SendAsync<JsonElement>(HttpMethod.Patch, $"v1/admin/accounts/{accountId}", new { disabled, password, is_auditor = isAuditor }, ct);

    /// <summary>Sends any request (raw body allowed) and returns the response unread, for callers testing errors.</summary>
    public Task<HttpResponseMessage> SendRawAsync(HttpMethod method, string path, HttpContent? content, CancellationToken ct = default) =>
        SendRawAsync(method, path, content, expectContinue: false, ct);

    private async Task<HttpResponseMessage> SendRawAsync(HttpMethod method, string path, HttpContent? content, bool expectContinue, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        if (expectContinue)
            request.Headers.ExpectContinue = true;
        if (AccessToken is not null)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", AccessToken);
        return await http.SendAsync(request, ct);
    }

    private async Task<T> SendAsync<T>(HttpMethod method, string path, object? body, CancellationToken ct, bool safeToRepeat = false)
    {
        using var response = await SendRepeatingWhileBusyAsync(method, path, body, safeToRepeat || IsSafeToRepeat(method), ct);
        return await ReadAsync<T>(response, ct);
    }

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response, CancellationToken ct)
    {
        var text = await response.Content.ReadAsStringAsync(ct);
        if (!response.IsSuccessStatusCode)
            throw new OpenTalkApiException(response.StatusCode, CodeOf(text), text);
        return JsonSerializer.Deserialize<T>(text, WireJson.Options)!;
    }

    /// <summary>How often a request the server refused with 503 and Retry-After is sent again before the 503 is returned.</summary>
    public int BusyRetries { get; set; } = 3;

    /// <summary>The longest Retry-After honoured; a longer one is returned to the caller at once.</summary>
    public TimeSpan LongestBusyWait { get; set; } = TimeSpan.FromSeconds(10);

    // A 503 with Retry-After means the node could not reach the meeting in time (it is moving to another node, or storage
    // is briefly away): the request may or may not have taken effect. Reads, PUT, DELETE and ticket requests do the same
    // thing twice, so they are sent again after the wait the server asked for; anything else is left to the caller.
    private async Task<HttpResponseMessage> SendRepeatingWhileBusyAsync(HttpMethod method, string path, object? body, bool safeToRepeat,
        CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            using var content = body is null ? null : JsonContent.Create(body, body.GetType(), options: WireJson.Options);
            var response = await SendRawAsync(method, path, content, ct);
            if (!safeToRepeat || attempt >= BusyRetries || response.StatusCode != System.Net.HttpStatusCode.ServiceUnavailable
                || response.Headers.RetryAfter?.Delta is not { } wait || wait > LongestBusyWait)
                return response;
            response.Dispose();
            await Task.Delay(wait, ct);
        }
    }

    private static bool IsSafeToRepeat(HttpMethod method) =>
        method == HttpMethod.Get || method == HttpMethod.Put || method == HttpMethod.Delete;

    private static string? CodeOf(string problem)
    {
        try
        {
            using var doc = JsonDocument.Parse(problem);
            return doc.RootElement.TryGetProperty("code", out var code) ? code.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
