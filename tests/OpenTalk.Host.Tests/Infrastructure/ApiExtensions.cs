using OpenTalk.Client;

namespace OpenTalk.Host.Tests.Infrastructure;

public static class ApiExtensions
{
    /// <summary>The same caller (token) talking to another node, or the same node after a restart.</summary>
    public static OpenTalkApi WithBase(this OpenTalkApi api, Uri baseUri) =>
        new(new HttpClient { BaseAddress = baseUri }) { AccessToken = api.AccessToken };
}
