using Microsoft.AspNetCore.WebUtilities;

namespace OpenTalk.Host.Apis;

/// <summary>Paging links as OpenTalk sends them: <c>Link: &lt;url&gt;; rel="after"</c>, the request's URL with the cursor replaced.</summary>
public static class Paging
{
    public static string Link(HttpRequest request, string rel, string value)
    {
        var query = QueryHelpers.ParseQuery(request.QueryString.Value)
            .Where(q => q.Key != rel)
            .SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string?>(q.Key, v)))
            .Append(new KeyValuePair<string, string?>(rel, value));
        var url = QueryHelpers.AddQueryString($"{request.Scheme}://{request.Host}{request.PathBase}{request.Path}", query);
        return $"<{url}>; rel=\"{rel}\"";
    }
}
