using JasperFx;
using Marten;
using OpenTalk.Projections.Assets;
using OpenTalk.Projections.Events;
using OpenTalk.Projections.Mail;
using OpenTalk.Projections.RoomHistory;
using OpenTalk.Projections.Rooms;
using Weasel.Core;

namespace OpenTalk.Projections;

/// <summary>
/// The Marten document store that holds every read model, in its own Postgres schema so that its tables stay apart
/// from the journal's (<c>public</c>) and the identity store's (<c>auth</c>). One configuration for the node, the
/// rebuild command and the tests.
/// </summary>
public static class ReadModelStore
{
    public const string SchemaName = "read_models";

    /// <param name="connectionString">The journal's Postgres.</param>
    /// <param name="more">Documents of other modules (the Host's user directory); registered up front like ours.</param>
    public static DocumentStore Create(string connectionString, Action<StoreOptions>? more = null) => DocumentStore.For(options =>
    {
        options.Connection(connectionString);
        options.DatabaseSchemaName = SchemaName;
        // Applied once at start under a lock (ReadModelSchema): Marten's own lazy creation races between nodes.
        options.AutoCreateSchemaObjects = AutoCreate.CreateOrUpdate;
        options.UseSystemTextJsonForSerialization(EnumStorage.AsString, Casing.Default);
        options.Schema.For<ProjectionOffset>();
        // Keyset paging of the meetings list runs on real columns: owner and creation time.
        options.Schema.For<EventListDocument>().Duplicate(e => e.OwnerId).Duplicate(e => e.CreatedAt);
        // "Which meetings am I invited to" is a containment query on the keys: a GIN index serves it.
        options.Schema.For<EventInvitesDocument>().GinIndexJsonData();
        options.Schema.For<MailEventDocument>();
        options.Schema.For<OutboxMailDocument>();
        options.Schema.For<RoomHistoryProgress>();
        options.Schema.For<RoomSessionDocument>().Duplicate(s => s.RoomId);
        options.Schema.For<RoomListDocument>().Duplicate(r => r.OwnerId);
        options.Schema.For<AssetDocument>().Duplicate(a => a.RoomId).Duplicate(a => a.OwnerId);
        options.Schema.For<AssetRoomDocument>();
        more?.Invoke(options);
    });
}
