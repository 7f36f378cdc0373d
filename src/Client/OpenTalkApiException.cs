using System.Net;

namespace OpenTalk.Client;

/// <summary>A REST call answered with problem details; <see cref="Code"/> is the problem's <c>code</c>.</summary>
public sealed class OpenTalkApiException(HttpStatusCode status, string? code, string body)
    : Exception($"The server answered {(int)status} ({code ?? "no code"}): {body}")
{
    public HttpStatusCode Status { get; } = status;

    public string? Code { get; } = code;

    public string Body { get; } = body;
}
