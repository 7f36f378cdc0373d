using System.Collections.Immutable;
using System.Text.Json.Serialization;
using OpenTalk.Protocol.Signaling;

namespace OpenTalk.Actors.Meetings;

/// <summary>A private audio group inside the room: its creator, who is invited and who joined.</summary>
public sealed record WhisperGroup(
    [property: JsonPropertyName("whisper_id")] Guid WhisperId,
    [property: JsonPropertyName("creator")] Guid Creator,
    [property: JsonPropertyName("members")] ImmutableDictionary<Guid, WhisperMembership> Members)
{
    /// <summary>The Janus instance whose AudioBridge mixes the group, once the first member connected audio.</summary>
    [JsonPropertyName("audio_instance")]
    public string? AudioInstance { get; init; }

    [JsonPropertyName("joined")]
    public IEnumerable<Guid> Joined => Members.Where(m => m.Value != WhisperMembership.Invited).Select(m => m.Key);

    public IReadOnlyList<WhisperMember> View() =>
        [.. Members.OrderBy(m => m.Value).ThenBy(m => m.Key).Select(m => new WhisperMember(m.Key, m.Value.ToWire()))];

    public WhisperGroup Without(Guid participant) => this with { Members = Members.Remove(participant) };

    /// <summary>A group lives while its creator is in it.</summary>
    [JsonPropertyName("is_over")]
    public bool IsOver => !Members.ContainsKey(Creator);
}
