using System.Net;
using OpenTalk.Client;
using OpenTalk.Host.Tests.Infrastructure;
using OpenTalk.Protocol.Rest;

namespace OpenTalk.Host.Tests;

/// <summary>A room's guest links: listed and revoked by the owner only; a revoked link admits nobody.</summary>
public sealed class GuestLinkTests : RoomTest
{
    [Fact]
    public async Task The_owner_lists_and_revokes_guest_links_and_a_revoked_one_admits_nobody()
    {
        var open = await Olga.CreateInviteAsync(Room);
        var dated = await Olga.CreateInviteAsync(Room, new CreateInviteRequest(DateTimeOffset.UtcNow.AddDays(7)));

        using (var listed = await Olga.SendRawAsync(HttpMethod.Get, $"v1/rooms/{Room}/invites", null))
        {
            var body = await listed.Content.ReadAsStringAsync();
            Assert.Contains(open.InviteCode, body, StringComparison.Ordinal);
            Assert.Contains(dated.InviteCode, body, StringComparison.Ordinal);
        }

        using (var revoked = await Olga.SendRawAsync(HttpMethod.Delete, $"v1/rooms/{Room}/invites/{open.InviteCode}", null))
            Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);
        var refused = await Assert.ThrowsAsync<OpenTalkApiException>(() => Node.Anonymous().StartInvitedAsync(Room, open.InviteCode));
        Assert.Equal(ProblemCodes.InvalidInviteCode, refused.Code);
        await Node.Anonymous().StartInvitedAsync(Room, dated.InviteCode); // the other link still works

        var mallory = await Node.NewUserAsync("mallory");
        using (var list = await mallory.SendRawAsync(HttpMethod.Get, $"v1/rooms/{Room}/invites", null))
            Assert.Equal(HttpStatusCode.Forbidden, list.StatusCode);
        using (var revoke = await mallory.SendRawAsync(HttpMethod.Delete, $"v1/rooms/{Room}/invites/{dated.InviteCode}", null))
            Assert.Equal(HttpStatusCode.Forbidden, revoke.StatusCode);
        using (var again = await Olga.SendRawAsync(HttpMethod.Delete, $"v1/rooms/{Room}/invites/{open.InviteCode}", null))
            Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
    }
}
