namespace OpenTalk.LoadGenerator;

public sealed record Percentiles(int Count, double P50, double P95, double P99, double Max)
{
    public static Percentiles Of(IReadOnlyCollection<double> samples)
    {
        if (samples.Count == 0)
            return new Percentiles(0, 0, 0, 0, 0);
        var sorted = samples.Order().ToArray();
        double At(double q) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
        return new Percentiles(sorted.Length, Math.Round(At(0.50), 2), Math.Round(At(0.95), 2), Math.Round(At(0.99), 2), Math.Round(sorted[^1], 2));
    }
}
