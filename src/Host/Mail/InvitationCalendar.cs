using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using OpenTalk.Actors.Scheduling;

namespace OpenTalk.Host.Mail;

/// <summary>Someone in the calendar invitation: a name and an address.</summary>
public sealed record CalendarPerson(string Name, string Email);

/// <summary>
/// The iCalendar (RFC 5545/5546) part of an invitation: the series with its time zone, recurrence, cancelled
/// occurrences as EXDATE and moved or retitled ones as their own VEVENT with RECURRENCE-ID. SEQUENCE is the meeting's
/// revision, so calendar clients replace the older copy. Text is escaped by the serializer.
/// </summary>
public static class InvitationCalendar
{
    public const string ProductId = "-//OpenTalk.NET//Meetings//EN";

    /// <param name="method"><c>REQUEST</c> (invite, update) or <c>CANCEL</c> (cancelled, uninvited).</param>
    public static string Build(EventState evt, string method, CalendarPerson organizer, IReadOnlyList<(CalendarPerson Person, string PartStat)> attendees,
        string description, string joinUrl, DateTimeOffset now)
    {
        var details = evt.Details!;
        var calendar = new Calendar { Method = method, ProductId = ProductId };
        var earliest = details.StartsAt!.Value.AddDays(-1);
        foreach (var zone in new[] { details.StartsTimezone!, details.EndsTimezone! }.Distinct(StringComparer.Ordinal))
            calendar.AddTimeZone(VTimeZone.FromDateTimeZone(zone, earliest, includeHistoricalData: false));

        var uid = Uid(evt.EventId);
        var series = Recurrence.ToCalendarEvent(details, uid);
        Describe(series, evt, details.Title, description, joinUrl, organizer, attendees, now);
        series.Status = method == "CANCEL" ? EventStatus.Cancelled : EventStatus.Confirmed;
        foreach (var exception in evt.Exceptions.Values.Where(e => e.Cancelled))
            series.ExceptionDates.Add(Local(exception.InstanceId, details.StartsTimezone!));
        calendar.Events.Add(series);

        if (method != "CANCEL")
        {
            foreach (var occurrence in Moved(evt))
            {
                var single = new CalendarEvent
                {
                    Uid = uid,
                    RecurrenceIdentifier = new RecurrenceIdentifier(Local(occurrence.InstanceId, details.StartsTimezone!), null),
                    DtStart = Zoned(occurrence.StartsAt, details.StartsTimezone!),
                    DtEnd = Zoned(occurrence.EndsAt, details.EndsTimezone!),
                    Status = EventStatus.Confirmed,
                };
                Describe(single, evt, occurrence.Exception!.Title ?? details.Title, occurrence.Exception.Description is { } d ? d : description,
                    joinUrl, organizer, attendees, now);
                calendar.Events.Add(single);
            }
        }
        return new CalendarSerializer().SerializeToString(calendar) ?? throw new InvalidOperationException("The calendar did not serialize.");
    }

    public static string Uid(Guid eventId) => $"{eventId}@opentalk";

    private static void Describe(CalendarEvent component, EventState evt, string title, string description, string joinUrl,
        CalendarPerson organizer, IReadOnlyList<(CalendarPerson Person, string PartStat)> attendees, DateTimeOffset now)
    {
        component.Summary = title;
        component.Description = description;
        component.Location = joinUrl;
        component.Url = new Uri(joinUrl);
        component.Sequence = evt.Revision;
        component.DtStamp = new CalDateTime(now.UtcDateTime, CalDateTime.UtcTzId);
        component.Organizer = new Organizer($"mailto:{organizer.Email}") { CommonName = organizer.Name };
        foreach (var (person, partStat) in attendees)
        {
            component.Attendees.Add(new Attendee($"mailto:{person.Email}")
            {
                CommonName = person.Name, Role = "REQ-PARTICIPANT", ParticipationStatus = partStat, Rsvp = partStat == "NEEDS-ACTION",
            });
        }
    }

    /// <summary>Occurrences that were moved or retitled and not cancelled: they need their own component.</summary>
    private static IEnumerable<OpenTalk.Actors.Scheduling.Occurrence> Moved(EventState evt)
    {
        var ids = evt.Exceptions.Values.Where(e => !e.Cancelled).Select(e => e.InstanceId).ToHashSet(StringComparer.Ordinal);
        if (ids.Count == 0)
            yield break;
        var last = ids.Max(StringComparer.Ordinal)!;
        foreach (var occurrence in Recurrence.Expand(evt.Details!, evt.Exceptions, null))
        {
            if (ids.Contains(occurrence.InstanceId))
                yield return occurrence;
            if (string.CompareOrdinal(occurrence.InstanceId, last) >= 0)
                yield break;
        }
    }

    /// <summary>An instance id (UTC) as a local time in the meeting's zone, as EXDATE and RECURRENCE-ID want it.</summary>
    private static CalDateTime Local(string instanceId, string zone)
    {
        var utc = DateTimeOffset.ParseExact(instanceId, "yyyyMMdd'T'HHmmss'Z'", System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.AssumeUniversal);
        var local = TimeZoneInfo.ConvertTime(utc, TimeZoneInfo.FindSystemTimeZoneById(zone)).DateTime;
        return Zoned(local, zone);
    }

    private static CalDateTime Zoned(DateTime local, string zone) =>
        new(local.Year, local.Month, local.Day, local.Hour, local.Minute, local.Second, zone);
}
