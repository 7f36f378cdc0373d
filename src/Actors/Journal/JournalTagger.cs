using Akka.Persistence.Journal;

namespace OpenTalk.Actors.Journal;

/// <summary>
/// Tags every persisted event with its entity kind (<c>meeting</c>, <c>participant</c>, <c>timer</c>),
/// the one place tags are decided; projections read the journal by these tags. Tags live beside the
/// event, so the hash chain (over the event itself) is unaffected.
/// </summary>
public sealed class JournalTagger : IWriteEventAdapter
{
    public const string Meeting = "meeting";
    public const string Participant = "participant";
    public const string Timer = "timer";
    public const string Event = "event";

    public string Manifest(object evt) => string.Empty;

    public object ToJournal(object evt) => evt is DomainEvent domain && TagOf(domain) is { } tag
        ? new Tagged(evt, [tag])
        : evt;

    private static string? TagOf(DomainEvent evt) => EventCatalog.ManifestOf(evt.GetType()).Split('.')[0] switch
    {
        "meeting" => Meeting,
        "participant" => Participant,
        "timer" => Timer,
        "event" => Event,
        _ => null,
    };
}
