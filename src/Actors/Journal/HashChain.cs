using System.Security.Cryptography;
using System.Text;

namespace OpenTalk.Actors.Journal;

/// <summary>Hashes of the per-entity event chain: SHA-256 over the manifest and the event's JSON.</summary>
public static class HashChain
{
    public const string Genesis = "";

    public static string HashOf(DomainEvent evt) => HashOf(EventCatalog.ManifestOf(evt.GetType()), JournalJson.Serialize(evt));

    /// <summary>SHA-256 over the manifest, a newline and the event's JSON bytes, in lower-case hex.</summary>
    public static string HashOf(string manifest, byte[] json)
    {
        var prefix = Encoding.UTF8.GetBytes(manifest + "\n");
        var buffer = new byte[prefix.Length + json.Length];
        prefix.CopyTo(buffer, 0);
        json.CopyTo(buffer, prefix.Length);
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
