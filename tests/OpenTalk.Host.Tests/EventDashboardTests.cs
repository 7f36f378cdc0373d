using System.Net;
using OpenTalk.Client;
using OpenTalk.Host.Hosting;
using OpenTalk.Host.Tests.Infrastructure;
using OpenTalk.Protocol.Rest;

namespace OpenTalk.Host.Tests;

/// <summary>The dashboard's view of meetings: filters, favorites, the next occurrence, invitees, ad-hoc meetings.</summary>
public sealed class EventDashboardTests : RoomTest
{
    // Ad-hoc meetings expire after two seconds here (a day by default); the clean-up looks every second.
    protected override string[] NodeArguments =>
        ["--Scheduling:AdhocLifetimeSeconds", "2", "--Scheduling:AdhocCleanupIntervalSeconds", "1"];

    private static EventRequest At(string title, DateTime start, params string[] rule) => new(title, "", null, false, false,
        new DateTimeTz(start, "Europe/Berlin"), new DateTimeTz(start.AddHours(1), "Europe/Berlin"), rule);

    private static DateTimeOffset Utc(int year, int month, int day) => new(year, month, day, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task The_list_filters_by_time_range_invite_status_and_favorites()
    {
        var january = await Olga.CreateEventAsync(At("January", new DateTime(2027, 1, 10, 9, 0, 0)));
        var march = await Olga.CreateEventAsync(At("March", new DateTime(2027, 3, 10, 9, 0, 0)));
        var weekly = await Olga.CreateEventAsync(At("Weekly from February", new DateTime(2027, 2, 1, 9, 0, 0), "RRULE:FREQ=WEEKLY"));
        await Olga.CreateEventAsync(new EventRequest("Whenever", "", null, false, true, null, null, null));
        await Olga.SetFavoriteAsync(march.Id, true);
        await Poll.UntilAsync(() => Olga.ListEventsAsync(new EventListQuery(Favorites: true)), p => p.Items.Count == 1);

        var inJanuary = await Olga.ListEventsAsync(new EventListQuery(TimeMin: Utc(2027, 1, 1), TimeMax: Utc(2027, 1, 31)));
        Assert.Equal(["January"], inJanuary.Items.Select(e => e.Title));
        var fromMarch = await Olga.ListEventsAsync(new EventListQuery(TimeMin: Utc(2027, 3, 1)));
        Assert.Equal(["Weekly from February", "March"], fromMarch.Items.Select(e => e.Title));
        var favorites = await Olga.ListEventsAsync(new EventListQuery(Favorites: true));
        Assert.True(Assert.Single(favorites.Items).IsFavorite);
        Assert.Equal(4, (await Olga.ListEventsAsync(new EventListQuery())).Items.Count);

        var (uma, umaId) = await Node.NewUserWithIdAsync("uma");
        await Olga.InviteAsync(january.Id, new EventInviteRequest(umaId, null));
        await Olga.InviteAsync(weekly.Id, new EventInviteRequest(umaId, null, InviteRole.Moderator));
        await uma.AnswerInviteAsync(weekly.Id, InviteStatus.Accepted);
        var accepted = await Poll.UntilAsync(() => uma.ListEventsAsync(new EventListQuery(InviteStatus: InviteStatus.Accepted)), p => p.Items.Count == 1);
        Assert.Equal(weekly.Id, Assert.Single(accepted.Items).Id);
        Assert.Equal(InviteStatus.Accepted, accepted.Items[0].InviteStatus);
        var pending = await uma.ListEventsAsync(new EventListQuery(InviteStatus: InviteStatus.Pending));
        Assert.Equal(january.Id, Assert.Single(pending.Items).Id);
        Assert.Equal(2, (await uma.ListEventsAsync(new EventListQuery())).Items.Count); // invited meetings are on her dashboard too

        var listed = Assert.Single((await Olga.ListEventsAsync(new EventListQuery())).Items, e => e.Id == weekly.Id);
        var invitee = Assert.Single(listed.Invitees);
        Assert.Equal((umaId, InviteRole.Moderator, InviteStatus.Accepted, "registered"), (invitee.Profile.Id!.Value, invitee.Profile.Role, invitee.Status, invitee.Profile.Kind));

        using var bad = await Olga.SendRawAsync(HttpMethod.Get, "v1/events?invite_status=maybe", null);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
        Assert.Contains("\"invite_status\"", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_next_occurrence_skips_past_and_cancelled_ones()
    {
        var start = DateTime.UtcNow.Date.AddDays(-14).AddHours(9);
        var created = await Olga.CreateEventAsync(At("Daily", start, "RRULE:FREQ=DAILY"));
        var next = created.NextOccurrence!;
        Assert.True(next.StartsAt.Datetime > DateTime.UtcNow.AddDays(-1));

        await Olga.PatchInstanceAsync(created.Id, next.InstanceId, new InstancePatchRequest(null, null, null, null, InstanceStatus.Cancelled));
        var after = (await Olga.GetEventAsync(created.Id)).NextOccurrence!;
        Assert.Equal(next.StartsAt.Datetime.AddDays(1), after.StartsAt.Datetime);
    }

    [Fact]
    public async Task A_user_invited_as_moderator_enters_the_room_as_moderator()
    {
        var created = await Olga.CreateEventAsync(At("Board", new DateTime(2027, 1, 10, 9, 0, 0)));
        var (mona, monaId) = await Node.NewUserWithIdAsync("mona");
        var (ulf, ulfId) = await Node.NewUserWithIdAsync("ulf");
        await Olga.InviteAsync(created.Id, new EventInviteRequest(monaId, null, InviteRole.Moderator));
        await Olga.InviteAsync(created.Id, new EventInviteRequest(ulfId, null, InviteRole.User));

        var asModerator = await Participant.JoinAsync(Node, created.Room.Id, mona, "Mona");
        var asUser = await Participant.JoinAsync(Node, created.Room.Id, ulf, "Ulf");
        Assert.Equal("moderator", asModerator.JoinSuccess.GetProperty("role").GetString());
        Assert.Equal("user", asUser.JoinSuccess.GetProperty("role").GetString());
        await asModerator.Socket.DisposeAsync();
        await asUser.Socket.DisposeAsync();

        await Olga.UninviteAsync(created.Id, monaId);
        await Olga.InviteAsync(created.Id, new EventInviteRequest(monaId, null, InviteRole.User));
        var again = await Participant.JoinAsync(Node, created.Room.Id, mona, "Mona");
        Assert.Equal("user", again.JoinSuccess.GetProperty("role").GetString());
        await again.Socket.DisposeAsync();
    }

    [Fact]
    public async Task The_meeting_details_show_the_phone_call_in()
    {
        var created = await Olga.CreateEventAsync(At("Call-in", new DateTime(2027, 1, 10, 9, 0, 0)));
        Assert.Null((await Olga.GetEventAsync(created.Id)).Room.CallIn);
        var sip = await Olga.PutSipAsync(created.Room.Id, "0123456789");

        var callIn = (await Olga.GetEventAsync(created.Id)).Room.CallIn!;
        Assert.Equal((sip.GetProperty("sip_id").GetString(), "0123456789"), (callIn.Id, callIn.Password));
    }

    [Fact]
    public async Task An_ad_hoc_meeting_is_cancelled_and_its_room_deleted_after_its_lifetime_unless_someone_is_in_it()
    {
        var busy = await Olga.CreateEventAsync(new EventRequest("Quick call", "", null, false, null, null, null, null, IsAdhoc: true));
        var idle = await Olga.CreateEventAsync(new EventRequest("Quick chat", "", null, false, null, null, null, null, IsAdhoc: true));
        Assert.True(busy.IsAdhoc);
        Assert.True(busy.IsTimeIndependent);
        var inside = await Participant.JoinAsync(Node, busy.Room.Id, Olga, "Olga");

        await Poll.UntilAsync(async () => await StatusOfGetAsync(idle.Id), s => s == HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.NotFound, await StatusOfGetAsync(idle.Id));
        Assert.Equal(HttpStatusCode.NotFound, (await Assert.ThrowsAsync<OpenTalkApiException>(() => Olga.StartAsync(idle.Room.Id))).Status);
        Assert.Equal(HttpStatusCode.OK, await StatusOfGetAsync(busy.Id)); // someone is in its room: it waits

        await inside.Socket.SendAsync("control", "leave");
        await Poll.UntilAsync(async () => await StatusOfGetAsync(busy.Id), s => s == HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.NotFound, await StatusOfGetAsync(busy.Id));

        var planned = await Assert.ThrowsAsync<OpenTalkApiException>(() => Olga.CreateEventAsync(
            At("Not ad hoc", new DateTime(2027, 1, 10, 9, 0, 0)) with { IsAdhoc = true }));
        Assert.Contains("\"is_adhoc\"", planned.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_meetings_list_rebuilt_from_zero_and_cut_off_by_a_restart_ends_identical()
    {
        var weekly = await Olga.CreateEventAsync(At("Weekly", new DateTime(2027, 1, 4, 9, 0, 0), "RRULE:FREQ=WEEKLY;COUNT=5"));
        await Olga.PatchInstanceAsync(weekly.Id, "20270111T080000Z", new InstancePatchRequest(null, null, null, null, InstanceStatus.Cancelled));
        await Olga.SetFavoriteAsync(weekly.Id, true);
        var (_, umaId) = await Node.NewUserWithIdAsync("uma");
        await Olga.InviteAsync(weekly.Id, new EventInviteRequest(umaId, null, InviteRole.Moderator));
        await Olga.CreateEventAsync(At("Once", new DateTime(2027, 2, 1, 9, 0, 0)));
        static string Shape(EventPage page) => System.Text.Json.JsonSerializer.Serialize(page.Items.Select(e => new { e.Id, e.Title, e.Revision, e.IsFavorite, e.Invitees.Count }));
        var before = Shape(await Poll.UntilAsync(() => Olga.ListEventsAsync(new EventListQuery()),
            p => p.Items.Count == 2 && p.Items.Any(e => e.IsFavorite && e.Revision == 2 && e.Invitees.Count == 1)));

        await RestartAsync(async () =>
        {
            Assert.Equal(0, await Commands.RunAsync(["projections", "rebuild", "events", "--OpenTalk:Postgres", Postgres]));
            Assert.Equal(0, await Commands.RunAsync(["projections", "rebuild", "invites", "--OpenTalk:Postgres", Postgres]));
        });
        await RestartAsync(); // at once: the rebuild is cut off somewhere in the middle

        var after = Shape(await Poll.UntilAsync(() => Olga.ListEventsAsync(new EventListQuery()), p => Shape(p) == before));
        Assert.Equal(before, after);
    }

    private async Task<HttpStatusCode> StatusOfGetAsync(Guid eventId)
    {
        using var response = await Olga.SendRawAsync(HttpMethod.Get, $"v1/events/{eventId}", null);
        return response.StatusCode;
    }
}
