using Microsoft.AspNetCore.WebUtilities;

namespace OpenTalk.Host.Apis;

/// <summary>
/// Paging links as OpenTalk sends them: <c>Link: &lt;url&gt;; rel="after"</c>, the request's URL with the cursor (or
/// page) replaced; several links joined by a comma.
/// </summary>
public static class Paging
{
    public const int DefaultPageSize = 30;
    public const int MaxPageSize = 100;

    /// <summary>Pages past this are empty anyway; the cap keeps the offset from overflowing.</summary>
    public const int MaxPage = 1_000_000;

    public static string Link(HttpRequest request, string parameter, string value, string? rel = null)
    {
        var query = QueryHelpers.ParseQuery(request.QueryString.Value)
            .Where(q => q.Key != parameter)
            .SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string?>(q.Key, v)))
            .Append(new KeyValuePair<string, string?>(parameter, value));
        var url = QueryHelpers.AddQueryString($"{request.Scheme}://{request.Host}{request.PathBase}{request.Path}", query);
        return $"<{url}>; rel=\"{rel ?? parameter}\"";
    }

    /// <summary>Page paging's links: <c>first</c> and <c>prev</c> after the first page, <c>next</c> and <c>last</c> before the last; null when there is one page.</summary>
    public static string? PageLinks(HttpRequest request, int page, int perPage, int total)
    {
        var last = Math.Max(1, (total + perPage - 1) / perPage);
        var links = new List<string>();
        if (page > 1)
            links.AddRange([Link(request, "page", "1", "first"), Link(request, "page", $"{Math.Min(page - 1, last)}", "prev")]);
        if (page < last)
            links.AddRange([Link(request, "page", $"{page + 1}", "next"), Link(request, "page", $"{last}", "last")]);
        return links.Count == 0 ? null : string.Join(",", links);
    }
}
