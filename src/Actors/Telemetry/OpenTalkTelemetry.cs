using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace OpenTalk.Actors.Telemetry;

/// <summary>
/// The node's own metrics and traces, every instrument in one place. Names follow OpenTelemetry's conventions; the
/// Prometheus exporter adds the unit and <c>_total</c> (<c>opentalk.meeting.joins</c> is scraped as
/// <c>opentalk_meeting_joins_total</c>). Static, as the instruments of a library are: recording is a few
/// interlocked operations, and nothing is recorded while no exporter listens. The gauges read the node through
/// <see cref="Observe"/>.
/// </summary>
public static class OpenTalkTelemetry
{
    /// <summary>The name of the meter and of the activity source.</summary>
    public const string Name = "OpenTalk";

    public static readonly ActivitySource Source = new(Name);

    private static readonly Meter Meter = new(Name);

    // Latencies from a millisecond (a write on a quiet local Postgres) to ten seconds (the journal's call timeout).
    private static readonly InstrumentAdvice<double> Latency = new()
    {
        HistogramBucketBoundaries = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    };

    /// <summary>Sockets that asked to join a meeting, by <c>outcome</c>: <see cref="Outcomes"/>.</summary>
    public static readonly Counter<long> Joins = Meter.CreateCounter<long>("opentalk.meeting.joins", "{join}",
        "Join requests answered by the meetings on this node, by outcome (joined, waiting, refused).");

    /// <summary>Commands sent on signaling sockets, by <c>module</c> (the wire namespace) and <c>outcome</c> (accepted, refused).</summary>
    public static readonly Counter<long> Commands = Meter.CreateCounter<long>("opentalk.meeting.commands", "{command}",
        "Meeting commands of this node's sockets, by module and outcome (accepted: stored; refused: answered with an error).");

    /// <summary>From handing events to the journal to their being stored, by <c>entity</c> (meeting, participant, timer, ...).</summary>
    public static readonly Histogram<double> JournalWrite = Meter.CreateHistogram("opentalk.journal.write.duration", "s",
        "Time from persisting an entity's events to the journal confirming them.", advice: Latency);

    /// <summary>From a meeting handing a message to a socket's connection to the connection writing it out.</summary>
    public static readonly Histogram<double> FanOut = Meter.CreateHistogram("opentalk.meeting.fanout.duration", "s",
        "Time from a meeting sending a message to a participant's connection to the connection queueing it on the socket.", advice: Latency);

    /// <summary>Meetings on this node with someone in them (in the room, waiting or within the resume window).</summary>
    public static readonly UpDownCounter<long> ActiveMeetings = Meter.CreateUpDownCounter<long>("opentalk.meetings.active", "{meeting}",
        "Meetings hosted on this node with at least one participant.");

    /// <summary>The participants of those meetings.</summary>
    public static readonly UpDownCounter<long> Participants = Meter.CreateUpDownCounter<long>("opentalk.meeting.participants", "{participant}",
        "Participants of the meetings hosted on this node (in the room, waiting or reconnecting).");

    private static INodeProbe? _node;

    static OpenTalkTelemetry()
    {
        Meter.CreateObservableGauge("opentalk.signaling.sockets", () => _node?.Sockets ?? 0, "{socket}",
            "Signaling sockets this node serves.");
        Meter.CreateObservableGauge("opentalk.janus.up", () => Each(n => n.MediaServers, s => s.Up ? 1 : 0, s => ("instance", s.Name)), "{instance}",
            "Whether each configured Janus instance answers (1) or not (0).");
        Meter.CreateObservableGauge("opentalk.janus.publishers", () => Each(n => n.MediaServers, s => s.Publishers, s => ("instance", s.Name)), "{publisher}",
            "Publishers on each Janus instance, as it last reported: the load placement balances.");
        Meter.CreateObservableGauge("opentalk.janus.handles", () => Each(n => n.MediaServers, s => s.Handles, s => ("instance", s.Name)), "{handle}",
            "Plugin handles this node holds on each Janus instance.");
        Meter.CreateObservableGauge("opentalk.projection.behind", () => Each(n => n.Projections, p => p.EventsBehind, p => ("projection", p.Name)), "{event}",
            "Journal events a projection has yet to apply to its read model.");
        Meter.CreateObservableGauge("opentalk.projection.lag", () => Each(n => n.Projections, p => p.SecondsBehind, p => ("projection", p.Name)), "s",
            "Age of the oldest journal event a projection has yet to apply (0 when it is up to date).");
    }

    /// <summary>
    /// Lets the gauges read this node until the returned handle is disposed. One node per process in production; of
    /// several in one process (tests) the one observed last is read.
    /// </summary>
    public static IDisposable Observe(INodeProbe node)
    {
        Volatile.Write(ref _node, node);
        return new Observation(node);
    }

    private static IEnumerable<Measurement<TValue>> Each<TItem, TValue>(Func<INodeProbe, IEnumerable<TItem>> items, Func<TItem, TValue> value,
        Func<TItem, (string Key, string Value)> tag) where TValue : struct
    {
        if (Volatile.Read(ref _node) is not { } node)
            return [];
        return [.. items(node).Select(item =>
        {
            var (key, name) = tag(item);
            return new Measurement<TValue>(value(item), new KeyValuePair<string, object?>(key, name));
        })];
    }

    private sealed class Observation(INodeProbe node) : IDisposable
    {
        public void Dispose() => Interlocked.CompareExchange(ref _node, null, node);
    }
}

/// <summary>The outcomes of <see cref="OpenTalkTelemetry.Joins"/> and <see cref="OpenTalkTelemetry.Commands"/>.</summary>
public static class Outcomes
{
    public const string Joined = "joined";
    public const string Waiting = "waiting";
    public const string Refused = "refused";
    public const string Accepted = "accepted";
}

/// <summary>What the gauges read of a node at each collection; each read must be quick and must not block.</summary>
public interface INodeProbe
{
    int Sockets { get; }

    IEnumerable<MediaServerGauge> MediaServers { get; }

    IEnumerable<ProjectionGauge> Projections { get; }
}

public sealed record MediaServerGauge(string Name, bool Up, int Publishers, int Handles);

public sealed record ProjectionGauge(string Name, long EventsBehind, double SecondsBehind);
