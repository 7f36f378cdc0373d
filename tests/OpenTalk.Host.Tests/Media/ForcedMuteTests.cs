using OpenTalk.Host.Tests.Infrastructure;

namespace OpenTalk.Host.Tests.Media;

/// <summary>A forced mute holds at the SFU: a client that ignores it is still not heard until a moderator allows unmuting.</summary>
[Collection(BrowserMediaCollection.Name)]
public sealed class ForcedMuteTests : IAsyncLifetime
{
    private MediaRoom _room = null!;

    public async Task InitializeAsync() => _room = await MediaRoom.StartAsync();

    public async Task DisposeAsync() => await _room.DisposeAsync();

    [Fact]
    public async Task A_force_muted_microphone_is_not_passed_on_even_if_the_client_keeps_sending()
    {
        var (olga, uma, key) = await OlgaHearsUmaAsync();
        var heard = await EnergyGainedAsync(olga, key);
        Assert.True(heard > 0, "Uma cannot be heard before the mute");

        await olga.SendAsync("moderation", new { action = "mute", targets = new[] { uma.Id }, force = true });
        await Task.Delay(TimeSpan.FromSeconds(1)); // what was on its way when the mute came
        AssertSilent(heard, await EnergyGainedAsync(olga, key));

        await olga.SendAsync("media", new { action = "allow_unmute", participant_ids = new[] { uma.Id } });
        await Poll.UntilAsync(() => EnergyGainedAsync(olga, key), gained => gained > 0, 30);
        Assert.True(await EnergyGainedAsync(olga, key) > 0, "Uma is not heard again after unmuting was allowed");
    }

    [Fact]
    public async Task The_rooms_microphone_lock_holds_at_the_SFU_until_it_is_lifted()
    {
        var (olga, uma, key) = await OlgaHearsUmaAsync();
        var heard = await EnergyGainedAsync(olga, key);

        // OpenTalk's "disable microphones": nobody on the allow list.
        await olga.SendAsync("media", new { action = "moderator_enable_force_mute", allow_list = Array.Empty<Guid>() });
        await Poll.UntilAsync(uma.MessagesAsync, ms => ms.Any(m => m.GetProperty("message").GetString() == "force_mute_enabled"), 30);
        await Task.Delay(TimeSpan.FromSeconds(1)); // what was on its way when the lock came
        AssertSilent(heard, await EnergyGainedAsync(olga, key));

        await olga.SendAsync("media", new { action = "moderator_disable_force_mute" });
        await Poll.UntilAsync(() => EnergyGainedAsync(olga, key), gained => gained > 0, 30);
        Assert.True(await EnergyGainedAsync(olga, key) > 0, "Uma is not heard again after the lock was lifted");
    }

    /// <summary>Olga (the owner: a moderator) hears Uma's microphone; this test client never mutes itself.</summary>
    private Task<(BrowserParticipant Olga, BrowserParticipant Uma, string Key)> OlgaHearsUmaAsync() => _room.OlgaReceivesUmaAsync(m => m.AudioEnergy > 0);

    /// <summary>
    /// Nothing to hear: no beep came through. On a loaded machine the decoder may still fade out the last packet that
    /// arrived late, some 10⁻⁸ of energy; a beep that got through is a million times more.
    /// </summary>
    private static void AssertSilent(double heardBefore, double gained) =>
        Assert.True(gained < heardBefore / 10_000, $"Uma is still heard: {gained} of energy in three seconds against {heardBefore} before");

    /// <summary>Audio energy received from a session over three seconds (Chromium's fake microphone beeps every second).</summary>
    private static async Task<double> EnergyGainedAsync(BrowserParticipant listener, string key)
    {
        var before = (await listener.StatsAsync())[key].AudioEnergy;
        await Task.Delay(TimeSpan.FromSeconds(3));
        return (await listener.StatsAsync())[key].AudioEnergy - before;
    }
}
