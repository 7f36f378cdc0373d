using OpenTalk.Actors.Scheduling;

namespace OpenTalk.Actors.Tests;

/// <summary>Occurrences of a meeting from its RRULE/RDATE/EXDATE lines, in its own time zone.</summary>
public sealed class RecurrenceTests
{
    private static EventDetails Weekly(params string[] lines) => new("Weekly", "", false, false,
        new DateTime(2026, 10, 5, 9, 0, 0), "Europe/Berlin", new DateTime(2026, 10, 5, 10, 0, 0), "Europe/Berlin", lines);

    private static readonly Dictionary<string, InstanceException> None = [];

    [Fact]
    public void A_weekly_rule_keeps_the_local_time_across_the_change_from_summer_to_winter_time()
    {
        var occurrences = Recurrence.Expand(Weekly("RRULE:FREQ=WEEKLY;COUNT=5"), None, null).ToList();

        Assert.Equal(5, occurrences.Count);
        Assert.All(occurrences, o => Assert.Equal(9, o.StartsAt.Hour));
        Assert.Equal("20261005T070000Z", occurrences[0].InstanceId); // CEST, UTC+2
        Assert.Equal("20261102T080000Z", occurrences[4].InstanceId); // CET, UTC+1
        Assert.All(occurrences, o => Assert.Equal(TimeSpan.FromHours(1), o.EndsUtc - o.StartsUtc));
    }

    [Fact]
    public void A_rule_that_never_ends_is_expanded_only_as_far_as_asked()
    {
        var details = Weekly("RRULE:FREQ=DAILY");
        Assert.Null(Recurrence.Check(details));

        var from = new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var next = Recurrence.Expand(details, None, from).Take(3).ToList();

        Assert.Equal(["20300101T080000Z", "20300102T080000Z", "20300103T080000Z"], next.Select(o => o.InstanceId));
        Assert.Null(Recurrence.Span(details)!.Value.Last); // open-ended
    }

    [Fact]
    public void Excluded_dates_and_extra_dates_change_the_series()
    {
        var details = Weekly("RRULE:FREQ=WEEKLY;COUNT=3", "EXDATE;TZID=Europe/Berlin:20261012T090000", "RDATE;TZID=Europe/Berlin:20261014T150000");

        var ids = Recurrence.Expand(details, None, null).Select(o => o.InstanceId).ToList();

        Assert.Equal(["20261005T070000Z", "20261014T130000Z", "20261019T070000Z"], ids);
    }

    [Fact]
    public void An_exception_moves_or_cancels_one_occurrence_and_keeps_its_id()
    {
        var moved = new InstanceException("20261012T070000Z", "Moved", null, new DateTime(2026, 10, 13, 14, 0, 0), null, false);
        var cancelled = new InstanceException("20261019T070000Z", null, null, null, null, true);
        var exceptions = new Dictionary<string, InstanceException> { [moved.InstanceId] = moved, [cancelled.InstanceId] = cancelled };

        var occurrences = Recurrence.Expand(Weekly("RRULE:FREQ=WEEKLY;COUNT=3"), exceptions, null).ToList();

        Assert.Equal(new DateTime(2026, 10, 13, 14, 0, 0), occurrences[1].StartsAt);
        Assert.Equal(new DateTime(2026, 10, 13, 15, 0, 0), occurrences[1].EndsAt); // keeps its length
        Assert.Equal("20261012T070000Z", occurrences[1].InstanceId);
        Assert.True(occurrences[2].Cancelled);
        Assert.False(occurrences[0].Cancelled);
    }

    [Theory]
    [InlineData("20261012T070000Z", true)]
    [InlineData("20261012T080000Z", false)]
    [InlineData("20261013T070000Z", false)]
    [InlineData("not-an-id", false)]
    public void Only_original_occurrences_are_instances(string id, bool expected) =>
        Assert.Equal(expected, Recurrence.HasInstance(Weekly("RRULE:FREQ=WEEKLY;COUNT=3"), id));

    [Theory]
    [InlineData("RRULE:FREQ=SOMETIMES")]
    [InlineData("RRULE:FREQ=WEEKLY;BYDAY=XX")]
    [InlineData("EXDATE;TZID=Europe/Berlin:yesterday")]
    public void Lines_that_are_not_iCalendar_are_refused(string line) => Assert.NotNull(Recurrence.Check(Weekly(line)));

    [Fact]
    public void A_rule_that_can_never_match_ends_instead_of_looping_and_is_refused()
    {
        var never = Weekly("RRULE:FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30");
        Assert.Empty(Recurrence.Expand(never, None, null).Take(5));
        Assert.NotNull(Recurrence.Check(never));
    }
}
