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
    bool? Adhoc = null,
    bool? TimeIndependent = null);

/// <summary>One page of the meeting list: the meetings, the changed occurrences of recurring ones, and the next page's cursor.</summary>
public sealed record EventPage(IReadOnlyList<EventResource> Items, IReadOnlyList<EventExceptionResource> Exceptions, string? Next);

/// <summary>One page of a meeting's occurrences and the next page's cursor.</summary>
public sealed record InstancePage(IReadOnlyList<InstanceResource> Items, string? Next);
