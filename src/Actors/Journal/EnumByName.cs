using System.Collections.Frozen;

namespace OpenTalk.Actors.Journal;

/// <summary>
/// Maps an enum of the journal to its look-alike in the wire protocol (or back) by member name: the two are kept
/// apart so that neither can change the other, and a member missing on one side fails on first use (every pair is
/// used by <c>WireNamesTests</c>).
/// </summary>
internal static class EnumByName<TFrom, TTo>
    where TFrom : struct, Enum
    where TTo : struct, Enum
{
    private static readonly FrozenDictionary<TFrom, TTo> Map =
        Enum.GetValues<TFrom>().ToFrozenDictionary(v => v, v => Enum.Parse<TTo>(v.ToString()));

    public static TTo Of(TFrom value) => Map[value];
}
