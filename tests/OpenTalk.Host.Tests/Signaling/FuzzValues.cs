using System.Globalization;
using System.Text;
using CsCheck;

namespace OpenTalk.Host.Tests.Signaling;

/// <summary>Raw JSON values that have broken parsers: lone surrogates, control characters, huge numbers, deep nesting, wrong kinds.</summary>
public static class FuzzValues
{
    private const string Placeholder = "@@fuzz@@";

    private static readonly Gen<char> NastyChar = Gen.OneOf(
        Gen.Char['\ud800', '\udfff'],     // surrogates, paired only by chance
        Gen.Char['\u0000', '\u001f'],     // control characters
        Gen.Char["\"\\/<>&'\u2028\u2029\ufeff\ufffe\uffff"],
        Gen.Char['a', 'z'],
        Gen.Char['\u00c0', '\u024f']);

    /// <summary>A JSON string literal, written with escapes so that it may hold what UTF-8 cannot.</summary>
    private static readonly Gen<string> NastyString = Gen.OneOf(
        Gen.String[NastyChar, 0, 40],
        Gen.Int[1_000, 20_000].Select(n => new string('x', n)),
        Gen.Const(Guid.NewGuid().ToString()),
        Gen.Const("2026-13-45T99:99:99Z")).Select(Literal);

    private static readonly Gen<string> NastyNumber = Gen.OneOf(
        Gen.Const("1e400"), Gen.Const("-1e400"), Gen.Const("1e-400"), Gen.Const("-0"), Gen.Const("0.5"),
        Gen.Const("123456789012345678901234567890"), Gen.Const("-9223372036854775809"), Gen.Const("2147483648"),
        Gen.Const("-2147483649"), Gen.Const("1.7976931348623157e308"),
        Gen.Double.Where(double.IsFinite).Select(d => d.ToString("R", CultureInfo.InvariantCulture)),
        Gen.Long.Select(l => l.ToString(CultureInfo.InvariantCulture)));

    private static readonly Gen<string> DeepNesting = Gen.Int[1, 200].SelectMany(depth => Gen.OneOf(
        Gen.Const(new string('[', depth) + new string(']', depth)),
        Gen.Const(string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "1" + new string('}', depth))));

    private static readonly Gen<string> OtherKinds = Gen.OneOf(
        Gen.Const("true"), Gen.Const("false"), Gen.Const("null"), Gen.Const("{}"), Gen.Const("[]"), Gen.Const("[1,\"x\",null]"));

    /// <summary>Any raw JSON value worth trying where a string or a number belongs.</summary>
    public static readonly Gen<string> Value = Gen.Frequency((4, NastyString), (3, NastyNumber), (1, DeepNesting), (2, OtherKinds));

    /// <summary>
    /// Seeds a frame with one leaf replaced by a fuzz value: (namespace, action, frame text).
    /// The namespace and action themselves are leaves too, so envelopes get broken as well.
    /// </summary>
    public static readonly Gen<(string Namespace, string Action, string Frame)> Frame =
        Gen.Int[0, InboundFrames.All.Count - 1].SelectMany(i => Gen.Int[0, 1_000].SelectMany(leafPick => Value.Select(value =>
        {
            var (ns, action, payload) = InboundFrames.All[i];
            var frame = InboundFrames.Frame(ns, action, payload);
            var leaves = InboundFrames.Leaves(frame);
            leaves[leafPick % leaves.Count].ReplaceWith(Placeholder);
            var text = frame.ToJsonString().Replace($"\"{Placeholder}\"", value, StringComparison.Ordinal);
            return (ns, action, text);
        })));

    private static string Literal(string text)
    {
        var json = new StringBuilder("\"");
        foreach (var c in text)
        {
            if (c == '"' || c == '\\')
                json.Append('\\').Append(c);
            else if (c < 0x20 || char.IsSurrogate(c) || c > 0x7e)
                json.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}");
            else
                json.Append(c);
        }
        return json.Append('"').ToString();
    }
}
