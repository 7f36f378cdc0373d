using System.Collections.Immutable;
using OpenTalk.Protocol.Signaling;

namespace OpenTalk.Actors.Meetings;

/// <summary>A private audio group inside the room: its creator, who is invited and who joined.</summary>
public sealed record WhisperGroup(Guid WhisperId, Guid Creator, ImmutableDictionary<Guid, WhisperMemberState> Members)
{
    /// <summary>The Janus instance whose AudioBridge mixes the group, once the first member connected audio.</summary>
    public string? AudioInstance { get; init; }

    public IEnumerable<Guid> Joined => Members.Where(m => m.Value != WhisperMemberState.Invited).Select(m => m.Key);

    public IReadOnlyList<WhisperMember> View() =>
        [.. Members.OrderBy(m => m.Value).ThenBy(m => m.Key).Select(m => new WhisperMember(m.Key, m.Value))];

    public WhisperGroup Without(Guid participant) => this with { Members = Members.Remove(participant) };

    /// <summary>A group lives while its creator is in it.</summary>
    public bool IsOver => !Members.ContainsKey(Creator);
}
