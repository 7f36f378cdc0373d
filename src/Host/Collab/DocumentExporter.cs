using System.Globalization;
using Akka.Actor;
using OpenTalk.Actors.Collab;
using OpenTalk.Actors.Meetings;
using OpenTalk.Host.Artifacts;
using OpenTalk.Protocol.Signaling;

namespace OpenTalk.Host.Collab;

/// <summary>
/// Makes the PDFs moderators ask for (<see cref="DocumentExportRequested"/>, on the node's event stream, from meetings
/// this node hosts): the document saves its content, the PDF goes to the artifact store, and the room records it as an
/// asset, which tells everyone in the room (<c>pdf_asset</c>). Exports run one at a time per node.
/// </summary>
public sealed class DocumentExporter : ReceiveActor
{
    public const string Name = "document-exporter";
    private static readonly TimeSpan SaveTimeout = TimeSpan.FromSeconds(15);

    public DocumentExporter(IActorRef documents, IActorRef meetings, IArtifactStore store, TimeProvider clock, ILogger log)
    {
        ReceiveAsync<DocumentExportRequested>(async request =>
        {
            try
            {
                var saved = await documents.Ask<DocumentSaved>(new SaveDocument(request.DocumentId), SaveTimeout);
                var now = clock.GetUtcNow();
                var stamp = now.ToString("yyyy-MM-dd_HH-mm-ss", CultureInfo.InvariantCulture);
                var (ns, kind, bytes) = request.Kind == DocumentKind.Notes
                    ? (Namespaces.MeetingNotes, "meetingnotes_pdf",
                        NotesPdf.Render(saved.Content, "Meeting notes", $"{now.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC · version {saved.Version} · SHA-256 {saved.Sha256[..16]}"))
                    : (Namespaces.Whiteboard, "whiteboard_pdf",
                        WhiteboardPdf.Render(saved.Content, $"Whiteboard · {now.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} UTC"));
                var assetId = Guid.NewGuid();
                var key = ArtifactKeys.ForAsset(request.AssetRoomId, assetId);
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
                var size = await store.WriteAsync(key, new MemoryStream(bytes), timeout.Token);
                var asset = new RoomAsset(assetId, $"{kind}_{stamp}-UTC.pdf", ns, kind, size, null, key, request.BreakoutRoomId, default);
                var added = await meetings.Ask<RoomAssetsReply>(new AddExport(request.AssetRoomId, request.RequestedBy, asset), SaveTimeout);
                if (added.Error is { } error)
                {
                    log.LogWarning("Room {Room} did not take the {Kind} export: {Error}", request.AssetRoomId, request.Kind, error);
                    await store.DeleteAsync(key, CancellationToken.None);
                }
            }
            catch (Exception e)
            {
                log.LogError(e, "Exporting the {Kind} of room {Room} failed", request.Kind, request.RoomId);
            }
        });
    }

    protected override void PreStart() => Context.System.EventStream.Subscribe(Self, typeof(DocumentExportRequested));

    public static Props Props(IActorRef documents, IActorRef meetings, IArtifactStore store, TimeProvider clock, ILogger log) =>
        Akka.Actor.Props.Create(() => new DocumentExporter(documents, meetings, store, clock, log));
}
