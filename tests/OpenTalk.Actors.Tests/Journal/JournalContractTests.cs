using System.Text;
using OpenTalk.Actors.Journal;
using OpenTalk.Tests.Shared;

namespace OpenTalk.Actors.Tests.JournalContract;

/// <summary>
/// What the journal stores is a contract: journals written by earlier versions must replay, and the hash chain
/// is computed over the JSON the current code writes. One stored sample per manifest (in <c>samples/</c>) must
/// read and write back byte for byte. Changing what a manifest stores therefore fails here: add a new
/// <c>.vN</c> manifest (or an upcaster) instead. A new manifest gets its sample by running the tests once with
/// OPENTALK_UPDATE_JOURNAL_SAMPLES=1, which writes missing samples and never touches existing ones.
/// </summary>
public sealed class JournalContractTests
{
    private static readonly string Samples = Path.Combine(Repository.Root, "tests", "OpenTalk.Actors.Tests", "Journal", "samples");

    public static TheoryData<string> Manifests() => [.. EventCatalog.Types.Select(EventCatalog.ManifestOf).Order(StringComparer.Ordinal)];

    public static TheoryData<string> StoredSamples() =>
        [.. Directory.EnumerateFiles(Samples, "*.json").Select(f => Path.GetFileNameWithoutExtension(f)!).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Manifests))]
    public void Every_manifest_has_a_stored_sample(string manifest)
    {
        var file = Path.Combine(Samples, manifest + ".json");
        if (!File.Exists(file) && Environment.GetEnvironmentVariable("OPENTALK_UPDATE_JOURNAL_SAMPLES") == "1")
            File.WriteAllText(file, SampleJson.For(EventCatalog.TypeOf(manifest)) + "\n");
        Assert.True(File.Exists(file), $"{manifest} has no stored sample: run the tests once with OPENTALK_UPDATE_JOURNAL_SAMPLES=1 and commit {file}.");
    }

    [Theory]
    [MemberData(nameof(StoredSamples))]
    public void Every_stored_sample_reads_and_writes_back_unchanged(string manifest)
    {
        var stored = File.ReadAllText(Path.Combine(Samples, manifest + ".json")).TrimEnd('\n');
        var type = EventCatalog.TypeOf(manifest); // a manifest once written is never forgotten
        var written = Encoding.UTF8.GetString(JournalJson.Serialize(JournalJson.Deserialize(Encoding.UTF8.GetBytes(stored), type)));
        Assert.Equal(stored, written);
    }
}
