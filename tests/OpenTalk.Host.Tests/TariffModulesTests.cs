using OpenTalk.Host.Tests.Infrastructure;

namespace OpenTalk.Host.Tests;

/// <summary>A module the tariff leaves out (<c>Tariff:Modules</c>) is off for every client, not only hidden in OpenTalk's apps.</summary>
public sealed class TariffModulesTests : RoomTest
{
    protected override string[] NodeArguments =>
        ["--Tariff:Modules:0", "core", "--Tariff:Modules:1", "media", "--Tariff:Modules:2", "moderation", "--Tariff:Modules:3", "chat"];

    [Fact]
    public async Task A_module_the_tariff_leaves_out_refuses_its_commands_and_sends_no_state()
    {
        var olga = await Participant.JoinAsync(Node, Room, Olga, "Olga");
        await using var socket = olga.Socket;
        var modules = olga.JoinSuccess.GetProperty("tariff").GetProperty("enabled_modules").EnumerateArray().Select(m => m.GetString()).ToList();
        Assert.Equal(["core", "media", "moderation", "chat"], modules);
        Assert.True(olga.JoinSuccess.TryGetProperty("chat", out _));
        foreach (var left in new[] { "polls", "timer", "automod", "breakout", "legal_vote" })
            Assert.False(olga.JoinSuccess.TryGetProperty(left, out _), left);

        await olga.Socket.SendAsync("timer", "start", new { kind = "countdown", duration = 300, style = "normal" });
        var refused = await olga.Socket.WaitForAsync(m => m.Namespace == "timer" && m.Message == "error");
        Assert.Equal("module_not_enabled", refused.Error);

        await olga.Socket.SendAsync("chat", "send_message", new { content = "still here", scope = "global" });
        await olga.Socket.WaitForAsync("chat", "message_sent");
    }
}
