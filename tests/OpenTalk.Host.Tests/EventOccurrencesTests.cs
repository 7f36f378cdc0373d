using System.Net;
using OpenTalk.Client;
using OpenTalk.Host.Tests.Infrastructure;
using OpenTalk.Protocol.Rest;

namespace OpenTalk.Host.Tests;

/// <summary>Occurrences of recurring meetings, expanded for a range, and exceptions to single occurrences.</summary>
public sealed class EventOccurrencesTests : RoomTest
{
    private static EventRequest Weekly(string title, params string[] rule) => new(title, "", null, false, false,
        new DateTimeTz(new DateTime(2026, 10, 5, 9, 0, 0), "Europe/Berlin"),
        new DateTimeTz(new DateTime(2026, 10, 5, 10, 0, 0), "Europe/Berlin"), rule.Length == 0 ? ["RRULE:FREQ=WEEKLY"] : rule);

    [Fact]
    public async Task A_rule_that_never_ends_is_expanded_for_the_range_asked_in_pages()
    {
        var created = await Olga.CreateEventAsync(Weekly("Jour fixe"));
        var from = new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var to = new DateTimeOffset(2027, 2, 1, 0, 0, 0, TimeSpan.Zero);

        var first = await Olga.ListInstancesAsync(created.Id, from, to, perPage: 3);
        Assert.Equal(["20270104T080000Z", "20270111T080000Z", "20270118T080000Z"], first.Items.Select(i => i.InstanceId));
        // 9:00 in Berlin, written as the UTC instant (OpenTalk's DateTimeTz).
        Assert.All(first.Items, i => Assert.Equal((new TimeOnly(8, 0), DateTimeKind.Utc, "Europe/Berlin"), (TimeOnly.FromDateTime(i.StartsAt.Datetime), i.StartsAt.Datetime.Kind, i.StartsAt.Timezone)));
        Assert.All(first.Items, i => Assert.Equal($"{created.Id}_{i.InstanceId}", i.Id));
        var second = await Olga.ListInstancesAsync(created.Id, from, to, perPage: 3, after: first.Next);
        Assert.Equal(["20270125T080000Z"], second.Items.Select(i => i.InstanceId));
        Assert.Null(second.Next);

        // Without a range the series is still bounded by the page.
        var unbounded = await Olga.ListInstancesAsync(created.Id, perPage: 100);
        Assert.Equal(100, unbounded.Items.Count);
        Assert.NotNull(unbounded.Next);
    }

    [Fact]
    public async Task One_occurrence_is_moved_and_another_cancelled_and_the_series_shows_both()
    {
        var created = await Olga.CreateEventAsync(Weekly("Review", "RRULE:FREQ=WEEKLY;COUNT=4"));

        var moved = await Olga.PatchInstanceAsync(created.Id, "20261012T070000Z", new InstancePatchRequest("Review (Tuesday)", null,
            new DateTimeTz(new DateTime(2026, 10, 13, 14, 0, 0), "Europe/Berlin"), null, null));
        Assert.Equal((new DateTime(2026, 10, 13, 12, 0, 0, DateTimeKind.Utc), new DateTime(2026, 10, 13, 13, 0, 0, DateTimeKind.Utc)), (moved.StartsAt.Datetime, moved.EndsAt.Datetime));
        Assert.True(moved.IsException);
        await Olga.PatchInstanceAsync(created.Id, "20261019T070000Z", new InstancePatchRequest(null, null, null, null, InstanceStatus.Cancelled));

        var all = (await Olga.ListInstancesAsync(created.Id)).Items;
        Assert.Equal(4, all.Count);
        Assert.Equal("Review (Tuesday)", all[1].Title);
        Assert.Equal(InstanceStatus.Cancelled, all[2].Status);
        Assert.Equal(InstanceStatus.Ok, all[3].Status);
        Assert.Equal(3, (await Olga.GetEventAsync(created.Id)).Revision); // each exception is a change calendars must see

        var missing = await Assert.ThrowsAsync<OpenTalkApiException>(() => Olga.PatchInstanceAsync(created.Id, "20261013T070000Z",
            new InstancePatchRequest(null, null, null, null, InstanceStatus.Cancelled)));
        Assert.Equal(HttpStatusCode.NotFound, missing.Status);
        var backwards = await Assert.ThrowsAsync<OpenTalkApiException>(() => Olga.PatchInstanceAsync(created.Id, "20261026T080000Z",
            new InstancePatchRequest(null, null, null, new DateTimeTz(new DateTime(2026, 10, 26, 8, 0, 0), "Europe/Berlin"), null)));
        Assert.Contains("\"ends_at\"", backwards.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_new_time_drops_the_exceptions_of_the_old_series()
    {
        var created = await Olga.CreateEventAsync(Weekly("Standup", "RRULE:FREQ=WEEKLY;COUNT=3"));
        await Olga.PatchInstanceAsync(created.Id, "20261012T070000Z", new InstancePatchRequest(null, null, null, null, InstanceStatus.Cancelled));

        await Olga.PatchEventAsync(created.Id, new
        {
            starts_at = new { datetime = "2026-10-05T11:00:00", timezone = "Europe/Berlin" },
            ends_at = new { datetime = "2026-10-05T12:00:00", timezone = "Europe/Berlin" },
        });

        var all = (await Olga.ListInstancesAsync(created.Id)).Items;
        Assert.Equal(["20261005T090000Z", "20261012T090000Z", "20261019T090000Z"], all.Select(i => i.InstanceId));
        Assert.All(all, i => Assert.Equal(InstanceStatus.Ok, i.Status));
    }

    [Fact]
    public async Task Invitees_read_occurrences_but_only_the_creator_changes_them_and_strangers_see_nothing()
    {
        var created = await Olga.CreateEventAsync(Weekly("Council"));
        var (uma, umaId) = await Node.NewUserWithIdAsync("uma");
        var mallory = await Node.NewUserAsync("mallory");
        await Olga.InviteAsync(created.Id, new EventInviteRequest(umaId, null));

        Assert.NotEmpty((await uma.ListInstancesAsync(created.Id, perPage: 2)).Items);
        var change = new InstancePatchRequest(null, null, null, null, InstanceStatus.Cancelled);
        Assert.Equal(HttpStatusCode.Forbidden, (await Assert.ThrowsAsync<OpenTalkApiException>(() =>
            uma.PatchInstanceAsync(created.Id, "20261012T070000Z", change))).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await Assert.ThrowsAsync<OpenTalkApiException>(() =>
            mallory.ListInstancesAsync(created.Id))).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await Assert.ThrowsAsync<OpenTalkApiException>(() =>
            mallory.PatchInstanceAsync(created.Id, "20261012T070000Z", change))).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await Assert.ThrowsAsync<OpenTalkApiException>(() =>
            mallory.SetFavoriteAsync(created.Id, true))).Status);
        Assert.All((await Olga.ListInstancesAsync(created.Id, perPage: 5)).Items, i => Assert.Equal(InstanceStatus.Ok, i.Status));
    }

    [Fact]
    public async Task A_time_independent_meeting_has_no_occurrences()
    {
        var created = await Olga.CreateEventAsync(new EventRequest("Open door", "", null, false, true, null, null, null));
        Assert.Empty((await Olga.ListInstancesAsync(created.Id)).Items);
        Assert.Null(created.NextOccurrence);
    }
}
