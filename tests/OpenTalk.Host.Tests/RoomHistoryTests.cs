using System.Text.Json;
using OpenTalk.Host.Hosting;
using OpenTalk.Host.Tests.Infrastructure;

namespace OpenTalk.Host.Tests;

/// <summary>The room-history read model, fed from the journal by tag, on Postgres.</summary>
public sealed class RoomHistoryTests : RoomTest
{
    private async Task<JsonElement> HistoryWhenAsync(Func<JsonElement, bool> ready)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            using var response = await Olga.SendRawAsync(HttpMethod.Get, $"v1/rooms/{Room}/history", null);
            var history = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
            if (ready(history))
                return history;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException("The read model did not catch up: " + history.GetRawText());
            await Task.Delay(200);
        }
    }

    private static int SessionCount(JsonElement history) => history.GetProperty("sessions").GetArrayLength();

    private async Task TwoSessionsAsync()
    {
        var owner = await Participant.JoinAsync(Node, Room, Olga, "Olga");
        var uma = await UserAsync("Uma");
        await uma.Socket.SendAsync("control", "leave");
        await owner.Socket.WaitForAsync("control", "left");
        await owner.Socket.SendAsync("control", "leave");
        await owner.Socket.WaitForCloseAsync();
        var again = await Participant.JoinAsync(Node, Room, Olga, "Olga");
        await again.Socket.DisposeAsync();
    }

    [Fact]
    public async Task Sessions_and_attendance_appear_in_the_room_history()
    {
        await TwoSessionsAsync();
        var history = await HistoryWhenAsync(h => SessionCount(h) == 2);
        var first = history.GetProperty("sessions")[0];
        Assert.True(first.TryGetProperty("ended_at", out _));
        var people = first.GetProperty("participants").EnumerateArray().ToList();
        Assert.Equal(["Olga", "Uma"], people.Select(p => p.GetProperty("display_name").GetString()));
        Assert.All(people, p => Assert.Equal("quit", p.GetProperty("left_reason").GetString()));
    }

    [Fact]
    public async Task A_person_who_joins_again_is_one_attendee_of_the_session()
    {
        var owner = await Participant.JoinAsync(Node, Room, Olga, "Olga");
        var uma = await UserAsync("Uma");
        // Olga's page reloads: she leaves and joins again as a new participant while Uma keeps the session open.
        await owner.Socket.SendAsync("control", "leave");
        await uma.Socket.WaitForAsync("control", "left");
        var again = await Participant.JoinAsync(Node, Room, Olga, "Olga");
        await again.Socket.SendAsync("control", "leave");
        await uma.Socket.WaitForAsync("control", "left");
        await uma.Socket.SendAsync("control", "leave");
        await uma.Socket.WaitForCloseAsync();

        var history = await HistoryWhenAsync(h => SessionCount(h) == 1 && h.GetProperty("sessions")[0].TryGetProperty("ended_at", out var ended)
            && ended.ValueKind != JsonValueKind.Null);
        var people = history.GetProperty("sessions")[0].GetProperty("participants").EnumerateArray().ToList();
        Assert.Equal(["Olga", "Uma"], people.Select(p => p.GetProperty("display_name").GetString()));
        Assert.All(people, p => Assert.Equal("quit", p.GetProperty("left_reason").GetString()));
    }

    [Fact]
    public async Task A_rebuild_from_zero_interrupted_by_a_restart_ends_identical()
    {
        await TwoSessionsAsync();
        var before = (await HistoryWhenAsync(h => SessionCount(h) == 2)).GetRawText();

        await RestartAsync(async () =>
            Assert.Equal(0, await Commands.RunAsync(["projections", "rebuild", "room_history", "--OpenTalk:Postgres", Postgres])));
        await RestartAsync(); // at once: the rebuild is cut off somewhere in the middle

        var after = await HistoryWhenAsync(h => SessionCount(h) == 2 && h.GetRawText() == before);
        Assert.Equal(before, after.GetRawText());
        Assert.Equal(2, await Commands.RunAsync(["projections", "rebuild", "no_such_projection"]));
    }
}
