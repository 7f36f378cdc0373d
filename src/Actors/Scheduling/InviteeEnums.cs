using OpenTalk.Actors.Journal;
using Rest = OpenTalk.Protocol.Rest;

namespace OpenTalk.Actors.Scheduling;

// How a scheduled meeting's journal names an invitee's role and answer ("moderator", "tentative"). The REST API
// has look-alike enums of its own; they are mapped by name, so that neither can change the other.

public enum InviteeRole { User, Moderator, Guest }

public enum InviteeStatus { Pending, Accepted, Tentative, Declined }

public static class InviteeWireNames
{
    public static Rest.InviteRole ToWire(this InviteeRole value) => EnumByName<InviteeRole, Rest.InviteRole>.Of(value);
    public static InviteeRole ToScheduling(this Rest.InviteRole value) => EnumByName<Rest.InviteRole, InviteeRole>.Of(value);

    public static Rest.InviteStatus ToWire(this InviteeStatus value) => EnumByName<InviteeStatus, Rest.InviteStatus>.Of(value);
    public static InviteeStatus ToScheduling(this Rest.InviteStatus value) => EnumByName<Rest.InviteStatus, InviteeStatus>.Of(value);

    /// <summary>Every pair above, for the test that maps each member both ways.</summary>
    public static IReadOnlyList<(Type Journal, Type Wire)> Pairs { get; } =
        [(typeof(InviteeRole), typeof(Rest.InviteRole)), (typeof(InviteeStatus), typeof(Rest.InviteStatus))];
}
