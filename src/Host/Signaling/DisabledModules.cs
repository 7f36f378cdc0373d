using System.Text.Json.Nodes;
using OpenTalk.Host.Apis;
using OpenTalk.Protocol.Signaling;

namespace OpenTalk.Host.Signaling;

/// <summary>
/// The meeting modules the tariff leaves out (<c>Tariff:Modules</c>), by signaling namespace: their commands are refused
/// with <c>module_not_enabled</c> and <c>join_success</c> carries no state of theirs, so that a module is off for every
/// client, not only hidden in OpenTalk's apps. The core of a meeting (control, moderation, media) is always on.
/// </summary>
public sealed class DisabledModules
{
    private static readonly Dictionary<string, string> NamespaceOfModule = new()
    {
        ["chat"] = Namespaces.Chat,
        ["polls"] = Namespaces.Polls,
        ["timer"] = Namespaces.Timer,
        ["automod"] = Namespaces.Automod,
        ["breakout"] = Namespaces.Breakout,
        ["legal_vote"] = Namespaces.LegalVote,
        ["whisper"] = Namespaces.SubroomAudio,
        ["recording"] = Namespaces.Recording,
    };

    private readonly HashSet<string> _namespaces;

    private DisabledModules(IEnumerable<string> namespaces) => _namespaces = [.. namespaces];

    public static readonly DisabledModules None = new([]);

    public static DisabledModules Of(TariffResource tariff) =>
        new(NamespaceOfModule.Where(m => !tariff.EnabledModules.Contains(m.Key)).Select(m => m.Value));

    public bool Refuses(string ns) => _namespaces.Contains(ns);

    /// <summary>Takes the left-out modules' states out of a <c>join_success</c> payload.</summary>
    public void RemoveFrom(JsonObject joinSuccess)
    {
        foreach (var ns in _namespaces)
            joinSuccess.Remove(ns);
    }
}
