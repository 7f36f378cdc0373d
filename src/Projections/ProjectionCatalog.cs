using OpenTalk.Projections.Assets;
using OpenTalk.Projections.Events;
using OpenTalk.Projections.Mail;
using OpenTalk.Projections.RoomHistory;
using OpenTalk.Projections.Rooms;

namespace OpenTalk.Projections;

/// <summary>Every projection this build runs, by name.</summary>
public static class ProjectionCatalog
{
    public static IReadOnlyList<IProjection> All { get; } = [new RoomHistoryProjection(), new EventsProjection(), new InvitesProjection(), new MailOutboxProjection(), new RoomsProjection(), new AssetsProjection()];

    public static IProjection? Find(string name) => All.FirstOrDefault(p => p.Name == name);
}

/// <summary>Registry key of the room-history projection's singleton.</summary>
public sealed class RoomHistoryRunner;

/// <summary>Registry key of the events projection's singleton.</summary>
public sealed class EventsRunner;

/// <summary>Registry key of the invites projection's singleton.</summary>
public sealed class InvitesRunner;

/// <summary>Registry key of the mail outbox projection's singleton.</summary>
public sealed class MailOutboxRunner;

/// <summary>Registry key of the rooms projection's singleton.</summary>
public sealed class RoomsRunner;

/// <summary>Registry key of the assets projection's singleton.</summary>
public sealed class AssetsRunner;
