using System.Globalization;
using System.Text;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Evaluation;

namespace OpenTalk.Actors.Scheduling;

/// <summary>One occurrence of a meeting, after its exception (moved, retitled or cancelled) is applied.</summary>
public sealed record Occurrence(
    string InstanceId,
    DateTime StartsAt,
    DateTime EndsAt,
    DateTimeOffset StartsUtc,
    DateTimeOffset EndsUtc,
    InstanceException? Exception)
{
    public bool Cancelled => Exception?.Cancelled ?? false;
}

/// <summary>
/// Expands a meeting's RRULE/RDATE/EXDATE lines into occurrences (RFC 5545, through Ical.Net). Expansion is lazy:
/// a rule that never ends is fine as long as the caller stops (by range or count).
/// </summary>
public static class Recurrence
{
    /// <summary>How many non-matching steps a rule may take before it counts as matching nothing more.</summary>
    private const int MaxUnmatchedSteps = 1000;

    /// <summary>A series with more occurrences than this counts as open-ended for list filters.</summary>
    private const int MaxCountedOccurrences = 5000;

    /// <summary>An RDATE/EXDATE line: optional parameters, then comma-separated dates or date-times (Ical.Net skips bad ones silently).</summary>
    private static readonly System.Text.RegularExpressions.Regex DateList = new(
        @"^(RDATE|EXDATE)(;[A-Z-]+=[^;:]+)*:\d{8}(T\d{6}Z?)?(/[^,]+)?(,\d{8}(T\d{6}Z?)?(/[^,]+)?)*$",
        System.Text.RegularExpressions.RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));

    private static readonly EvaluationOptions Options = new() { MaxUnmatchedIncrementsLimit = MaxUnmatchedSteps };

    /// <summary>An instance is named by the UTC start of its original occurrence, e.g. <c>20261005T070000Z</c>.</summary>
    public static string InstanceId(DateTimeOffset originalStartUtc) =>
        originalStartUtc.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    /// <summary>Null when the meeting's recurrence lines parse and expand, otherwise why not.</summary>
    public static string? Check(EventDetails details)
    {
        if (details.IsTimeIndependent || details.StartsAt is null)
            return null;
        if (details.RecurrencePattern.FirstOrDefault(l => !l.StartsWith("RRULE:", StringComparison.Ordinal) && !DateList.IsMatch(l)) is { } bad)
            return $"'{bad}' is not a list of dates (e.g. EXDATE;TZID=Europe/Berlin:20261012T090000).";
        try
        {
            return Occurrences(details, null).Any() ? null : "The rule leaves no occurrence at all.";
        }
#pragma warning disable CA1031 // Ical.Net reports bad input with many exception types; every one means "not valid".
        catch (Exception e)
#pragma warning restore CA1031
        {
            return e.Message;
        }
    }

    /// <summary>The calendar component for a meeting: start, end and the stored recurrence lines, nothing else.</summary>
    public static CalendarEvent ToCalendarEvent(EventDetails details, string uid)
    {
        var text = new StringBuilder()
            .Append("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//OpenTalk.NET//EN\r\nBEGIN:VEVENT\r\n")
            .Append("UID:").Append(uid).Append("\r\n")
            .Append("DTSTART;TZID=").Append(details.StartsTimezone).Append(':').Append(Local(details.StartsAt!.Value)).Append("\r\n")
            .Append("DTEND;TZID=").Append(details.EndsTimezone).Append(':').Append(Local(details.EndsAt!.Value)).Append("\r\n");
        foreach (var line in details.RecurrencePattern)
            text.Append(line).Append("\r\n");
        text.Append("END:VEVENT\r\nEND:VCALENDAR\r\n");
        var calendar = Ical.Net.Calendar.Load(text.ToString()) ?? throw new FormatException("The recurrence lines do not form a calendar.");
        return calendar.Events.Single();
    }

    /// <summary>
    /// Occurrences that end after <paramref name="from"/> (all when null), in order of their original start,
    /// with exceptions applied. Empty for a time-independent meeting.
    /// </summary>
    public static IEnumerable<Occurrence> Expand(
        EventDetails details, IReadOnlyDictionary<string, InstanceException> exceptions, DateTimeOffset? from)
    {
        foreach (var (start, end) in Occurrences(details, from))
        {
            var id = InstanceId(start);
            if (!exceptions.TryGetValue(id, out var exception))
            {
                yield return At(details, start, end, id, null);
                continue;
            }
            var movedStart = exception.StartsAt is { } s ? ToUtc(s, details.StartsTimezone!) : start;
            var movedEnd = exception.EndsAt is { } e ? ToUtc(e, details.EndsTimezone!) : movedStart + (end - start);
            yield return At(details, movedStart, movedEnd, id, exception);
        }
    }

    /// <summary>Whether <paramref name="instanceId"/> names an original occurrence of the meeting.</summary>
    public static bool HasInstance(EventDetails details, string instanceId)
    {
        if (!DateTimeOffset.TryParseExact(instanceId, "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal, out var at))
            return false;
        return Occurrences(details, at).TakeWhile(o => o.Start <= at).Any(o => o.Start == at);
    }

    /// <summary>The first start and the last end of a series (null when it is open-ended), for range filters.</summary>
    public static (DateTimeOffset First, DateTimeOffset? Last)? Span(EventDetails details)
    {
        if (details.IsTimeIndependent || details.StartsAt is null)
            return null;
        DateTimeOffset? first = null, last = null;
        var count = 0;
        foreach (var (start, end) in Occurrences(details, null).Take(MaxCountedOccurrences + 1))
        {
            first ??= start;
            last = end;
            count++;
        }
        return first is null ? null : (first.Value, count > MaxCountedOccurrences ? null : last);
    }

    public static DateTimeOffset ToUtc(DateTime local, string zone)
    {
        var tz = TimeZoneInfo.FindSystemTimeZoneById(zone);
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        return new DateTimeOffset(unspecified, tz.GetUtcOffset(unspecified)).ToUniversalTime();
    }

    private static IEnumerable<(DateTimeOffset Start, DateTimeOffset End)> Occurrences(EventDetails details, DateTimeOffset? from)
    {
        if (details.IsTimeIndependent || details.StartsAt is null || details.EndsAt is null)
            yield break;
        var component = ToCalendarEvent(details, "expansion");
        var duration = ToUtc(details.EndsAt.Value, details.EndsTimezone!) - ToUtc(details.StartsAt.Value, details.StartsTimezone!);
        // Start the search one duration early so an occurrence already running at "from" is included.
        var searchFrom = from is { } f ? new CalDateTime((f - duration).UtcDateTime, CalDateTime.UtcTzId) : null;
        using var occurrences = component.GetOccurrences(searchFrom, Options).GetEnumerator();
        while (true)
        {
            Ical.Net.DataTypes.Occurrence occurrence;
            try
            {
                if (!occurrences.MoveNext())
                    yield break;
                occurrence = occurrences.Current;
            }
            catch (EvaluationLimitExceededException)
            {
                yield break; // the rule matches nothing more within reach: the series ends here
            }
            var start = new DateTimeOffset(occurrence.Period.StartTime.AsUtc, TimeSpan.Zero);
            var end = occurrence.Period.EffectiveEndTime is { } e ? new DateTimeOffset(e.AsUtc, TimeSpan.Zero) : start + duration;
            if (from is { } after && end <= after)
                continue;
            yield return (start, end);
        }
    }

    private static Occurrence At(EventDetails details, DateTimeOffset start, DateTimeOffset end, string id, InstanceException? exception) =>
        new(id, InZone(start, details.StartsTimezone!), InZone(end, details.EndsTimezone!), start, end, exception);

    private static DateTime InZone(DateTimeOffset utc, string zone) =>
        DateTime.SpecifyKind(TimeZoneInfo.ConvertTime(utc, TimeZoneInfo.FindSystemTimeZoneById(zone)).DateTime, DateTimeKind.Unspecified);

    private static string Local(DateTime value) => value.ToString("yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture);
}
