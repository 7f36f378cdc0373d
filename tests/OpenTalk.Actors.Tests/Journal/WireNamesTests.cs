using OpenTalk.Actors.Journal;
using OpenTalk.Actors.Meetings;
using OpenTalk.Actors.Scheduling;

namespace OpenTalk.Actors.Tests.JournalContract;

/// <summary>The journal's enums and the protocol's look-alikes map onto each other member by member, both ways.</summary>
public sealed class WireNamesTests
{
    public static TheoryData<Type, Type> Pairs()
    {
        var pairs = new TheoryData<Type, Type>();
        foreach (var (journal, wire) in WireNames.Pairs.Concat(InviteeWireNames.Pairs))
            pairs.Add(journal, wire);
        return pairs;
    }

    [Theory]
    [MemberData(nameof(Pairs))]
    public void Every_member_maps_to_its_namesake_and_back(Type journal, Type wire)
    {
        Assert.Equal(Enum.GetNames(journal).Order(), Enum.GetNames(wire).Order());
        foreach (var value in Enum.GetValues(journal))
        {
            var there = Map(journal, wire, value);
            Assert.Equal(value.ToString(), there.ToString());
            Assert.Equal(value, Map(wire, journal, there));
        }
    }

    private static object Map(Type from, Type to, object value) =>
        typeof(EnumByName<,>).MakeGenericType(from, to).GetMethod(nameof(EnumByName<MeetingRole, MeetingRole>.Of))!.Invoke(null, [value])!;

    [Fact]
    public void The_extension_methods_use_the_pairs_they_name()
    {
        Assert.Equal(Protocol.Signaling.Role.Moderator, MeetingRole.Moderator.ToWire());
        Assert.Equal(MediaKind.Screen, Protocol.Signaling.MediaSessionType.Screen.ToMeeting());
        Assert.Equal(Protocol.Rest.InviteStatus.Tentative, InviteeStatus.Tentative.ToWire());
    }
}
