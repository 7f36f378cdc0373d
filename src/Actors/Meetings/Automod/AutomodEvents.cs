using System.Text.Json.Serialization;
using OpenTalk.Actors.Journal;
using OpenTalk.Protocol.Signaling;

namespace OpenTalk.Actors.Meetings;

public sealed record AutomodStarted(
    [property: JsonPropertyName("strategy")] SpeakerSelection Strategy,
    [property: JsonPropertyName("playlist")] IReadOnlyList<Guid> Playlist,
    [property: JsonPropertyName("time_limit")] TimeSpan? TimeLimit,
    [property: JsonPropertyName("allow_double_selection")] bool AllowDoubleSelection)
    : DomainEvent
{
    public bool Equals(AutomodStarted? other) =>
        other is not null && base.Equals(other) && (Strategy, TimeLimit, AllowDoubleSelection) == (other.Strategy, other.TimeLimit, other.AllowDoubleSelection)
        && Playlist.SequenceEqual(other.Playlist);

    public override int GetHashCode() => HashCode.Combine(base.GetHashCode(), Strategy, TimeLimit);
}

/// <summary>The talking stick passed: to <see cref="Speaker"/>, or to nobody.</summary>
public sealed record SpeakerChanged([property: JsonPropertyName("speaker")] Guid? Speaker) : DomainEvent;

public sealed record AutomodPlaylistEdited([property: JsonPropertyName("playlist")] IReadOnlyList<Guid> Playlist) : DomainEvent
{
    public bool Equals(AutomodPlaylistEdited? other) => other is not null && base.Equals(other) && Playlist.SequenceEqual(other.Playlist);

    public override int GetHashCode() => HashCode.Combine(base.GetHashCode(), Playlist.Count);
}

public sealed record AutomodStopped : DomainEvent;
