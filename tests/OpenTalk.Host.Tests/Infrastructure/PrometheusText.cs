using System.Globalization;
using System.Text;

namespace OpenTalk.Host.Tests.Infrastructure;

/// <summary>One sample of a scrape: <c>name{label="value",…} value</c>.</summary>
public sealed record PrometheusSample(string Name, IReadOnlyDictionary<string, string> Labels, double Value)
{
    public bool Has(params (string Name, string Value)[] labels) =>
        labels.All(l => Labels.TryGetValue(l.Name, out var value) && value == l.Value);
}

/// <summary>
/// The Prometheus text exposition format (0.0.4), read as a scraper does: <c># HELP</c> and <c># TYPE</c> lines, samples
/// with escaped label values, histograms as <c>_bucket</c>, <c>_sum</c> and <c>_count</c> samples of their family.
/// </summary>
public sealed class PrometheusText
{
    private readonly Dictionary<string, string> _types = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _help = new(StringComparer.Ordinal);
    private readonly List<PrometheusSample> _samples = [];

    public IReadOnlyList<PrometheusSample> Samples => _samples;

    public static PrometheusText Parse(string text)
    {
        var scrape = new PrometheusText();
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.Length == 0)
                continue;
            if (line.StartsWith("# TYPE ", StringComparison.Ordinal) || line.StartsWith("# HELP ", StringComparison.Ordinal))
            {
                var rest = line[7..];
                var space = rest.IndexOf(' ', StringComparison.Ordinal);
                Assert.True(space > 0, $"A {line[..6]} line without a metric name and text: {line}");
                (line[2] == 'T' ? scrape._types : scrape._help)[rest[..space]] = rest[(space + 1)..];
                continue;
            }
            if (line.StartsWith('#'))
                continue;
            scrape._samples.Add(ParseSample(line));
        }
        return scrape;
    }

    /// <summary>The declared type of a family (counter, gauge, histogram, …), or null when there is no such family.</summary>
    public string? TypeOf(string family) => _types.GetValueOrDefault(family);

    public string? HelpOf(string family) => _help.GetValueOrDefault(family);

    public IEnumerable<string> Families => _types.Keys;

    /// <summary>The samples of a family: its own name, or for a histogram its <c>_bucket</c>, <c>_sum</c> and <c>_count</c>.</summary>
    public IEnumerable<PrometheusSample> Of(string family) => _samples.Where(s => FamilyOf(s.Name) == family);

    /// <summary>The sum of the samples named so that carry the labels given (all label sets when none are given).</summary>
    public double Sum(string sample, params (string Name, string Value)[] labels) =>
        _samples.Where(s => s.Name == sample && s.Has(labels)).Sum(s => s.Value);

    private string FamilyOf(string sample)
    {
        if (_types.ContainsKey(sample))
            return sample;
        foreach (var suffix in (string[])["_bucket", "_sum", "_count", "_total"])
        {
            if (sample.EndsWith(suffix, StringComparison.Ordinal) && _types.ContainsKey(sample[..^suffix.Length]))
                return sample[..^suffix.Length];
        }
        return sample;
    }

    private static PrometheusSample ParseSample(string line)
    {
        var i = 0;
        while (i < line.Length && line[i] != '{' && line[i] != ' ')
            i++;
        var name = line[..i];
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        if (i < line.Length && line[i] == '{')
        {
            i++;
            while (line[i] != '}')
            {
                var equals = line.IndexOf('=', i);
                var label = line[i..equals].Trim();
                Assert.Equal('"', line[equals + 1]);
                var value = new StringBuilder();
                var j = equals + 2;
                for (; line[j] != '"'; j++)
                {
                    if (line[j] == '\\')
                    {
                        j++;
                        value.Append(line[j] switch { 'n' => '\n', var c => c });
                    }
                    else
                        value.Append(line[j]);
                }
                labels[label] = value.ToString();
                i = j + 1;
                if (line[i] == ',')
                    i++;
            }
            i++;
        }
        var fields = line[i..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(fields.Length is 1 or 2, $"A sample needs a value (and may have a timestamp): {line}");
        return new PrometheusSample(name, labels, ParseValue(fields[0]));
    }

    private static double ParseValue(string value) => value switch
    {
        "+Inf" => double.PositiveInfinity,
        "-Inf" => double.NegativeInfinity,
        "NaN" => double.NaN,
        _ => double.Parse(value, NumberStyles.Float, CultureInfo.InvariantCulture),
    };
}
