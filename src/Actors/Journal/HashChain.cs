using System.Security.Cryptography;
using System.Text;

namespace OpenTalk.Actors.Journal;

/// <summary>Hashes of the per-entity event chain: SHA-256 over the manifest and the event's JSON.</summary>
public static class HashChain
{
    public const string Genesis = "";

    public static string HashOf(DomainEvent evt)
    {
        var manifest = Encoding.UTF8.GetBytes(EventCatalog.ManifestOf(evt.GetType()) + "\n");
        var json = JournalJson.Serialize(evt);
        var buffer = new byte[manifest.Length + json.Length];
        manifest.CopyTo(buffer, 0);
        json.CopyTo(buffer, manifest.Length);
        return Convert.ToHexStringLower(SHA256.HashData(buffer));
    }

    /// <summary>Checks a whole history in order; returns the index of the first broken link, or null.</summary>
    public static int? FirstBrokenLink(IEnumerable<DomainEvent> history)
    {
        var expected = Genesis;
        var index = 0;
        foreach (var evt in history)
        {
            if (evt.PrevHash != expected)
                return index;
            expected = HashOf(evt);
            index++;
        }
        return null;
    }
}
