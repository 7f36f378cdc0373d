using System.Collections.Immutable;
using System.Text.Json.Serialization;
using OpenTalk.Protocol.Signaling;

namespace OpenTalk.Actors.Meetings;

/// <summary>The talking stick: who speaks, since when, who spoke, and who is still to come.</summary>
public sealed record Automod(
    [property: JsonPropertyName("strategy")] SpeakerSelection Strategy,
    [property: JsonPropertyName("time_limit")] TimeSpan? TimeLimit,
    [property: JsonPropertyName("allow_double_selection")] bool AllowDoubleSelection,
    [property: JsonPropertyName("remaining")] ImmutableList<Guid> Remaining,
    [property: JsonPropertyName("history")] ImmutableList<Guid> History,
    [property: JsonPropertyName("speaker")] Guid? Speaker,
    [property: JsonPropertyName("speaker_since")] DateTimeOffset? SpeakerSince)
{
    public static readonly TimeSpan MaxTimeLimit = TimeSpan.FromHours(2);

    [JsonPropertyName("ends_at")]
    public DateTimeOffset? EndsAt => Speaker is not null && TimeLimit is { } limit && SpeakerSince is { } since ? since + limit : null;

    public AutomodConfig Config() => new(Strategy.ToWire(), TimeLimit?.TotalSeconds, AllowDoubleSelection, History, Remaining);

    public AutomodStartedPayload Started() => new(Strategy.ToWire(), TimeLimit?.TotalSeconds, AllowDoubleSelection, History, Remaining);

    public AutomodModuleState ModuleState() => new(Config(), Speaker, EndsAt, History, Remaining);

    public SpeakerUpdated Update() => new(Speaker, EndsAt, History, Remaining);

    /// <summary>Who may get the stick next: the playlist in order, or (random, nomination) anyone in the room who has not spoken.</summary>
    public IReadOnlyList<Guid> Candidates(MeetingState state) => Strategy == SpeakerSelection.Playlist
        ? [.. Remaining.Where(id => state.Find(id) is { IsInRoom: true })]
        : [.. state.InRoom.OrderBy(p => p.JoinedAt).ThenBy(p => p.Id).Select(p => p.Id)
            .Where(id => id != Speaker && (AllowDoubleSelection || !History.Contains(id)))];
}
