using System.ComponentModel.DataAnnotations;

namespace OpenTalk.Host.Scheduling;

/// <summary>Scheduling settings (section <c>Scheduling</c>).</summary>
public sealed class SchedulingSettings
{
    public const string Section = "Scheduling";

    /// <summary>How long an ad-hoc meeting lives before the clean-up cancels it and deletes its room (default a day).</summary>
    [Range(1, 365 * 24 * 3600)]
    public int AdhocLifetimeSeconds { get; set; } = 24 * 3600;

    /// <summary>How often each node looks for expired ad-hoc meetings.</summary>
    [Range(1, 24 * 3600)]
    public int AdhocCleanupIntervalSeconds { get; set; } = 600;
}
