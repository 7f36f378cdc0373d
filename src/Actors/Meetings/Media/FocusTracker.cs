namespace OpenTalk.Actors.Meetings;

/// <summary>
/// Who has the floor, from talking/stopped-talking reports. The speaker in focus keeps it while talking and for a hold
/// time after stopping, so the view does not jump at every breath; then the one who has been talking longest takes
/// over. When nobody talks, the last speaker stays in focus. Pure.
/// </summary>
public sealed record FocusTracker(Guid? Focus, DateTimeOffset FocusSilentSince, IReadOnlyDictionary<Guid, DateTimeOffset> Talking)
{
    public static readonly FocusTracker Empty = new(null, DateTimeOffset.MinValue, new Dictionary<Guid, DateTimeOffset>());

    /// <summary>A report arrived; returns the new tracker and when to look again (hold time not over yet).</summary>
    public (FocusTracker Next, DateTimeOffset? CheckAt) Report(Guid participant, bool talking, DateTimeOffset now, TimeSpan hold)
    {
        var speaking = new Dictionary<Guid, DateTimeOffset>(Talking);
        if (talking)
            speaking.TryAdd(participant, now);
        else
            speaking.Remove(participant);
        var next = this with
        {
            Talking = speaking,
            FocusSilentSince = participant == Focus && !talking ? now : FocusSilentSince,
        };
        return next.Settle(now, hold);
    }

    /// <summary>Someone left: they lose focus at once and stop counting as talking.</summary>
    public (FocusTracker Next, DateTimeOffset? CheckAt) Remove(Guid participant, DateTimeOffset now, TimeSpan hold)
    {
        var speaking = new Dictionary<Guid, DateTimeOffset>(Talking);
        speaking.Remove(participant);
        var next = this with { Talking = speaking };
        if (Focus == participant)
            next = next with { Focus = null };
        return next.Settle(now, hold);
    }

    /// <summary>Moves the focus if the current speaker has been silent for the hold time and someone else talks.</summary>
    public (FocusTracker Next, DateTimeOffset? CheckAt) Settle(DateTimeOffset now, TimeSpan hold)
    {
        if (Focus is { } current && Talking.ContainsKey(current))
            return (this, null);
        var longest = Talking.OrderBy(t => t.Value).ThenBy(t => t.Key).Select(t => (Guid?)t.Key).FirstOrDefault();
        if (longest is null)
            return (this, null);
        if (Focus is null || now - FocusSilentSince >= hold)
            return (this with { Focus = longest }, null);
        return (this, FocusSilentSince + hold);
    }
}
