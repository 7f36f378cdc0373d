using System.Net;
using OpenTalk.Client;
using OpenTalk.Host.Tests.Infrastructure;
using OpenTalk.Protocol.Rest;

namespace OpenTalk.Host.Tests;

/// <summary>Phone call-in settings of a room (<c>/v1/rooms/{id}/sip</c>) on Postgres.</summary>
public sealed class SipConfigTests : RoomTest
{
    private static bool TenDigits(string? value) => value is { Length: 10 } && value.All(char.IsAsciiDigit);

    [Fact]
    public async Task The_owner_sets_up_renews_and_removes_call_in()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await Assert.ThrowsAsync<OpenTalkApiException>(() => Olga.GetSipAsync(Room))).Status);

        var first = await Olga.PutSipAsync(Room);
        var sipId = first.GetProperty("sip_id").GetString();
        Assert.True(TenDigits(sipId) && TenDigits(first.GetProperty("password").GetString()));
        Assert.Equal(sipId, (await Olga.GetSipAsync(Room)).GetProperty("sip_id").GetString());

        var renewed = await Olga.PutSipAsync(Room, "0123456789");
        Assert.NotEqual(sipId, renewed.GetProperty("sip_id").GetString());
        Assert.Equal("0123456789", renewed.GetProperty("password").GetString());

        var badPin = await Assert.ThrowsAsync<OpenTalkApiException>(() => Olga.PutSipAsync(Room, "12ab"));
        Assert.Equal(ProblemCodes.ValidationFailed, badPin.Code);

        var mallory = await Node.NewUserAsync("mallory");
        Assert.Equal(HttpStatusCode.Forbidden, (await Assert.ThrowsAsync<OpenTalkApiException>(() => mallory.GetSipAsync(Room))).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await Assert.ThrowsAsync<OpenTalkApiException>(() => mallory.PutSipAsync(Room))).Status);

        await Olga.DeleteSipAsync(Room);
        Assert.Equal(HttpStatusCode.NotFound, (await Assert.ThrowsAsync<OpenTalkApiException>(() => Olga.GetSipAsync(Room))).Status);
    }
}
