using OpenTalk.Protocol.Rest;

namespace OpenTalk.Client;

/// <summary>Filters and paging for the dashboard's meeting list; every part is optional.</summary>
public sealed record EventListQuery(
    int? PerPage = null,
    string? After = null,
    DateTimeOffset? TimeMin = null,
    DateTimeOffset? TimeMax = null,
    InviteStatus? InviteStatus = null,
    bool? Favorites = null,
    bool? Adhoc = null);
