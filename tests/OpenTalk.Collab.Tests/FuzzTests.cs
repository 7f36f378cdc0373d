using CsCheck;
using OpenTalk.Collab.Yjs;

namespace OpenTalk.Collab.Tests;

/// <summary>Updates come from any browser: whatever the bytes, the outcome is a result or a <see cref="YFormatException"/>.</summary>
public class FuzzTests
{
    private static readonly Gen<byte[]> Mutated =
        Gen.Select(Gen.Int[0, RealUpdates.All.Length - 1].Select(i => RealUpdates.All[i]), Gen.Int[0, int.MaxValue].Array[1, 6], Gen.Byte.Array[6], Gen.Int[0, 3])
            .Select((update, positions, values, how) =>
            {
                var bytes = (byte[])update.Clone();
                for (var i = 0; i < positions.Length; i++) bytes[positions[i] % bytes.Length] = values[i];
                return how switch
                {
                    0 => bytes[..(positions[0] % bytes.Length)], // truncated as well
                    1 => [.. bytes, .. values],                   // trailing garbage
                    _ => bytes,
                };
            });

    [Fact]
    public void Random_bytes_give_a_result_or_a_format_error() =>
        Gen.Byte.Array[0, 64].Select(Gen.Byte.Array[0, 16]).Sample((update, other) => EveryOperation(update, other), iter: 20_000);

    [Fact]
    public void Damaged_real_updates_give_a_result_or_a_format_error() =>
        Mutated.Select(Gen.Byte.Array[0, 8]).Sample((update, other) => EveryOperation(update, other), iter: 5_000);

    [Fact]
    public void Merging_damaged_with_intact_updates_gives_a_result_or_a_format_error() =>
        Mutated.Sample(update => OnlyFormatErrors(() => YDocument.FromUpdate(YUpdate.Merge([RealUpdates.Peers, update, RealUpdates.TipTap]))), iter: 2_000);

    private static void EveryOperation(byte[] update, byte[] other)
    {
        OnlyFormatErrors(() => YUpdate.Merge([update]));
        OnlyFormatErrors(() => YUpdate.Merge([update, other]));
        OnlyFormatErrors(() => YUpdate.StateVector(update));
        OnlyFormatErrors(() => YUpdate.Diff(update, other));
        OnlyFormatErrors(() => YUpdate.Diff(RealUpdates.Peers, update));
        OnlyFormatErrors(() => YUpdate.IsEmpty(update));
        OnlyFormatErrors(() =>
        {
            var doc = YDocument.FromUpdate(update);
            doc.XmlFragment("prosemirror");
            doc.Map("elements");
            doc.Text("title");
        });
    }

    private static void OnlyFormatErrors(Action action)
    {
        try
        {
            action();
        }
        catch (YFormatException)
        {
        }
    }
}
