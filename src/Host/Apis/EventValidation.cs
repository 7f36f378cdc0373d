using OpenTalk.Actors.Scheduling;
using OpenTalk.Protocol.Rest;

namespace OpenTalk.Host.Apis;

/// <summary>Checks a meeting's fields; every problem names its field.</summary>
public static class EventValidation
{
    public const int MaxTitle = 255;
    public const int MaxDescription = 4096;
    public const int MaxRecurrenceLines = 16;

    public static Dictionary<string, string[]> Check(EventDetails details, string? password)
    {
        var errors = new Dictionary<string, string[]>();
        if (details.Title.Trim().Length is 0 or > MaxTitle)
            errors["title"] = [$"A title has 1 to {MaxTitle} characters."];
        if (details.Title.Any(char.IsControl))
            errors["title"] = ["A title cannot contain control characters (line breaks included)."];
        if (details.Description.Length > MaxDescription)
            errors["description"] = [$"A description has at most {MaxDescription} characters."];
        if (password is { Length: 0 or > RoomsApi.MaxPasswordLength })
            errors["password"] = [$"A room password has 1 to {RoomsApi.MaxPasswordLength} characters."];
        if (!details.IsTimeIndependent)
        {
            if (details.StartsAt is null || !IsZone(details.StartsTimezone))
                errors["starts_at"] = ["A timed meeting needs starts_at with a date-time and an IANA time zone."];
            if (details.EndsAt is null || !IsZone(details.EndsTimezone))
                errors["ends_at"] = ["A timed meeting needs ends_at with a date-time and an IANA time zone."];
            else if (details.StartsAt is { } start && IsZone(details.StartsTimezone)
                     && ToUtc(details.EndsAt.Value, details.EndsTimezone!) <= ToUtc(start, details.StartsTimezone!))
                errors["ends_at"] = ["ends_at must be after starts_at."];
        }
        else if (details.RecurrencePattern.Count > 0)
        {
            errors["recurrence_pattern"] = ["A time-independent meeting does not recur."];
        }
        if (details.RecurrencePattern.Count > MaxRecurrenceLines
            || details.RecurrencePattern.Any(line => !IsRecurrenceLine(line)))
            errors["recurrence_pattern"] = ["Each line is an RRULE:, RDATE: or EXDATE: property (at most 16), without line breaks."];
        else if (!errors.ContainsKey("starts_at") && !errors.ContainsKey("ends_at") && Recurrence.Check(details) is { } why)
            errors["recurrence_pattern"] = [$"The recurrence lines are not valid iCalendar: {why}"];
        return errors;
    }

    public static DateTimeOffset ToUtc(DateTime local, string zone) => Recurrence.ToUtc(local, zone);

    private static bool IsZone(string? zone) => zone is not null && TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _);

    private static bool IsRecurrenceLine(string line) =>
        !line.Any(char.IsControl) && line.Length <= 1024
        && (line.StartsWith("RRULE:", StringComparison.Ordinal) || line.StartsWith("RDATE", StringComparison.Ordinal)
            || line.StartsWith("EXDATE", StringComparison.Ordinal));
}
