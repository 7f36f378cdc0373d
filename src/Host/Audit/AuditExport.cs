using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using OpenTalk.Actors.Journal;

namespace OpenTalk.Host.Audit;

/// <summary>
/// One line of <c>opentalk audit export</c>. <see cref="Payload"/> is the event's JSON as text, exactly the bytes its
/// hash covers: <c>hash = sha256(manifest + "\n" + payload)</c>, and each line's <c>prev_hash</c> (also inside the
/// payload) is the <c>hash</c> of the line before it (empty for the first). docs/audit.md shows the check in a few lines.
/// </summary>
public sealed record AuditExportLine(
    [property: JsonPropertyName("room_id")] Guid RoomId,
    [property: JsonPropertyName("sequence_nr")] long SequenceNr,
    [property: JsonPropertyName("manifest")] string Manifest,
    [property: JsonPropertyName("occurred_at")] DateTimeOffset? OccurredAt,
    [property: JsonPropertyName("prev_hash")] string? PrevHash,
    [property: JsonPropertyName("hash")] string Hash,
    [property: JsonPropertyName("payload")] string Payload)
{
    private static readonly JsonSerializerOptions LineOptions = new() { WriteIndented = false };

    public static AuditExportLine Of(Guid roomId, CheckedEvent entry)
    {
        // A readable event is written the way its hash was made; an unreadable one as stored, so its fault stays visible.
        var payload = entry.Event is { } evt ? JournalJson.Serialize(evt) : entry.Stored.Payload;
        return new AuditExportLine(roomId, entry.Stored.SequenceNr, entry.Stored.Manifest, entry.Event?.OccurredAt, entry.Event?.PrevHash,
            entry.Hash, Encoding.UTF8.GetString(payload));
    }

    public string ToJson() => JsonSerializer.Serialize(this, LineOptions);

    /// <summary>Reads an export back; a line that is not one is refused with its number.</summary>
    public static IReadOnlyList<AuditExportLine> ReadAll(TextReader reader)
    {
        var lines = new List<AuditExportLine>();
        var number = 0;
        while (reader.ReadLine() is { } text)
        {
            number++;
            if (string.IsNullOrWhiteSpace(text))
                continue;
            try
            {
                var line = JsonSerializer.Deserialize<AuditExportLine>(text, LineOptions);
                if (line is null || string.IsNullOrEmpty(line.Manifest) || line.Payload is null || line.Hash is null)
                    throw new FormatException($"Line {number} lacks manifest, payload or hash.");
                lines.Add(line);
            }
            catch (JsonException e)
            {
                throw new FormatException($"Line {number} is not an export line: {e.Message}", e);
            }
        }
        return lines;
    }

    public StoredEvent ToStored() => new(SequenceNr, Manifest, Encoding.UTF8.GetBytes(Payload));
}
