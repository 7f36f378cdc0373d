using System.ComponentModel.DataAnnotations;

namespace OpenTalk.Host.Apis;

/// <summary>
/// The one tariff every user and room has (section <c>Tariff</c>), in OpenTalk's shape: which meeting modules the web
/// apps offer. OpenTalk's apps show a module's tab only when the tariff lists it.
/// </summary>
public sealed class TariffSettings
{
    public const string Section = "Tariff";

    /// <summary>The modules this node has; a tariff can only list these.</summary>
    public static readonly string[] KnownModules =
        ["core", "media", "chat", "moderation", "polls", "timer", "automod", "breakout", "legal_vote", "whisper", "recording"];

    /// <summary>What a module can do, where OpenTalk's apps ask (<c>recording</c>: record, and stream live).</summary>
    private static readonly Dictionary<string, string[]> FeaturesOfModule = new() { ["recording"] = ["record", "stream"] };

    public static IReadOnlyList<string> FeaturesOf(string module) => FeaturesOfModule.GetValueOrDefault(module, []);

    [Required]
    public string Name { get; set; } = "Default";

    /// <summary>Meeting modules the tariff offers; empty (the default) offers all the node has.</summary>
    public string[] Modules { get; set; } = [];

    /// <summary>Module features switched off (OpenTalk's <c>disabled_features</c>, <c>module::feature</c>).</summary>
    public string[] DisabledFeatures { get; set; } = [];

    /// <summary>
    /// How many people may be in a room at once (OpenTalk's <c>room_participant_limit</c> quota); unset for no limit.
    /// One more is told <c>join_blocked</c> and may try again; the waiting room takes no place.
    /// </summary>
    [Range(1, 100_000)]
    public int? RoomParticipantLimit { get; set; }
}

/// <summary>A tariff's settings for one module: the features it has.</summary>
public sealed record TariffModule(IReadOnlyList<string> Features);

/// <summary>
/// OpenTalk's <c>TariffResource</c>. <paramref name="Quotas"/> lists the limits this node enforces: the room's size
/// when one is set (no storage is kept, and rooms have no time limit). <paramref name="EnabledModules"/> repeats the keys of
/// <paramref name="Modules"/>, as OpenTalk's older clients read that list.
/// </summary>
public sealed record TariffResource(
    Guid Id,
    string Name,
    IReadOnlyDictionary<string, long> Quotas,
    IReadOnlyList<string> EnabledModules,
    IReadOnlyList<string> DisabledFeatures,
    IReadOnlyDictionary<string, TariffModule> Modules)
{
    /// <summary>The tariff's id: fixed, as there is one tariff.</summary>
    public static readonly Guid DefaultId = new("00000000-0000-0000-0000-000000000001");

    public static TariffResource From(TariffSettings settings)
    {
        var listed = settings.Modules.Length == 0 ? TariffSettings.KnownModules : settings.Modules;
        var unknown = listed.Except(TariffSettings.KnownModules).ToList();
        if (unknown.Count > 0)
            throw new InvalidOperationException(
                $"Tariff:Modules names modules this node does not have: {string.Join(", ", unknown)}. Known: {string.Join(", ", TariffSettings.KnownModules)}.");
        var modules = listed.Distinct().ToList();
        var quotas = new Dictionary<string, long>();
        if (settings.RoomParticipantLimit is { } limit)
            quotas["room_participant_limit"] = limit;
        return new TariffResource(DefaultId, settings.Name, quotas, modules, settings.DisabledFeatures,
            modules.ToDictionary(m => m, m => new TariffModule(TariffSettings.FeaturesOf(m))));
    }
}
