namespace OpenTalk.Media;

/// <summary>
/// Picks the Janus instance for a new publisher: the least loaded one that is up. Load is what the instance last
/// reported plus the publishers placed on it recently: a publisher joins Janus only after its browser answers, so a
/// report read in between does not count it yet, and forgetting the placement then would put the next publisher on
/// the same instance. A placement is counted until the instance has reported twice after it (by then Janus knows it);
/// counting one twice for a few seconds only spreads the next publishers more.
/// </summary>
public sealed class PublisherPlacement
{
    private readonly Dictionary<string, MediaServerStatus> _status = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<int>> _pending = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _reports = new(StringComparer.Ordinal);

    /// <summary>Reports a placement survives: the one that may have been read before the publisher joined, and one more.</summary>
    private const int ReportsUntilCounted = 2;

    public PublisherPlacement(IEnumerable<string> instances)
    {
        foreach (var name in instances)
            Report(new MediaServerStatus(name, false, 0, 0));
    }

    public IEnumerable<MediaServerStatus> Instances => _status.Values.OrderBy(s => s.Name, StringComparer.Ordinal);

    public bool IsUp(string name) => _status.TryGetValue(name, out var status) && status.Up;

    public void Report(MediaServerStatus status)
    {
        _status[status.Name] = status;
        var reports = _reports[status.Name] = _reports.GetValueOrDefault(status.Name) + 1;
        if (_pending.TryGetValue(status.Name, out var placedAt))
            placedAt.RemoveAll(at => !status.Up || reports - at >= ReportsUntilCounted);
    }

    /// <summary>The instance for the next publisher (counted as placed there), or null when none is up.</summary>
    public string? Pick()
    {
        var best = _status.Values.Where(s => s.Up)
            .OrderBy(s => s.Publishers + (_pending.TryGetValue(s.Name, out var placed) ? placed.Count : 0))
            .ThenBy(s => s.Name, StringComparer.Ordinal)
            .FirstOrDefault();
        if (best is null)
            return null;
        if (!_pending.TryGetValue(best.Name, out var placedAt))
            _pending[best.Name] = placedAt = [];
        placedAt.Add(_reports[best.Name]);
        return best.Name;
    }
}
