using System.Globalization;
using Akka.Actor;
using Marten;
using Microsoft.Extensions.Options;
using OpenTalk.Actors.Meetings;
using OpenTalk.Host.Artifacts;
using OpenTalk.Host.Auth;
using OpenTalk.Host.Mail;
using OpenTalk.Projections;
using OpenTalk.Projections.Events;
using OpenTalk.Protocol.Signaling;

namespace OpenTalk.Host.Reports;

/// <summary>Where a report's words and details come from: the requester's language, the meeting's title, users' addresses.</summary>
public sealed class MeetingReportSources(UserProfiles profiles, UserDirectory directory, IDocumentStore store, ReadModelSchema schema, IOptions<MailSettings> mail)
{
    public async Task<ReportDetails> DetailsAsync(MeetingReportRequested request, DateTimeOffset now, CancellationToken ct)
    {
        var language = (request.LanguageOf is { } user ? await profiles.LanguageAsync(user, ct) : null) ?? mail.Value.DefaultLanguage;
        await schema.EnsureAsync(ct);
        string? title;
        await using (var session = store.QuerySession())
        {
            var meeting = await session.Query<EventListDocument>().Where(e => e.RoomId == request.AssetRoomId && !e.Cancelled).FirstOrDefaultAsync(ct);
            title = meeting?.Details.Title;
        }
        // Only registered users have an address, and only a moderator's request shows them.
        var emails = new Dictionary<Guid, string>();
        if (request.IncludeEmailAddresses)
        {
            var users = await directory.FindManyAsync(request.Session.Attendees.Where(a => a.Kind == ParticipantKind.User)
                .Select(a => a.UserId).OfType<Guid>(), ct);
            foreach (var (id, known) in users)
                if (known.Email is { Length: > 0 } email)
                    emails[id] = email;
        }
        return new ReportDetails(title, emails, ReportTexts.For(language), now);
    }
}

/// <summary>
/// Makes the meeting reports rooms ask for (<see cref="MeetingReportRequested"/>, on the node's event stream, from
/// meetings this node hosts): the PDF goes to the artifact store and the room records it as an asset, which tells the
/// moderator who asked (<c>pdf_asset</c>); when it cannot be made or stored, they are told so (<see cref="ReportFailed"/>).
/// Reports are made one at a time per node.
/// </summary>
public sealed class MeetingReportWriter : ReceiveActor
{
    public const string Name = "meeting-report-writer";
    public const string Kind = "meeting_report";
    private static readonly TimeSpan AddTimeout = TimeSpan.FromSeconds(15);

    public MeetingReportWriter(IActorRef meetings, IArtifactStore store, MeetingReportSources sources, TimeProvider clock, ILogger log)
    {
        ReceiveAsync<MeetingReportRequested>(async request =>
        {
            var now = clock.GetUtcNow();
            byte[] pdf;
            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
                pdf = MeetingReportPdf.Render(request, await sources.DetailsAsync(request, now, timeout.Token));
            }
            catch (Exception e)
            {
                log.LogError(e, "Making the report of room {Room} failed", request.RoomId);
                Fail(request, ReportErrors.Generate);
                return;
            }
            var assetId = Guid.NewGuid();
            var key = ArtifactKeys.ForAsset(request.AssetRoomId, assetId);
            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
                var size = await store.WriteAsync(key, new MemoryStream(pdf), timeout.Token);
                var filename = $"{Kind}_{now.UtcDateTime.ToString("yyyy-MM-dd_HH-mm-ss", CultureInfo.InvariantCulture)}-UTC.pdf";
                var asset = new RoomAsset(assetId, filename, Namespaces.MeetingReport, Kind, size, null, key, request.BreakoutRoomId, default);
                var added = await meetings.Ask<RoomAssetsReply>(new AddReport(request.AssetRoomId, request.RequestedBy, asset), AddTimeout);
                if (added.Error is { } error)
                {
                    log.LogWarning("Room {Room} did not take its report: {Error}", request.AssetRoomId, error);
                    await store.DeleteAsync(key, CancellationToken.None);
                    Fail(request, ReportErrors.Storage);
                }
            }
            catch (Exception e)
            {
                log.LogError(e, "Storing the report of room {Room} failed", request.RoomId);
                Fail(request, ReportErrors.Storage);
            }
        });

        void Fail(MeetingReportRequested request, string error)
        {
            if (request.RequestedBy is { } asker)
                meetings.Tell(new ReportFailed(request.RoomId, asker, error));
        }
    }

    protected override void PreStart() => Context.System.EventStream.Subscribe(Self, typeof(MeetingReportRequested));

    public static Props Props(IActorRef meetings, IArtifactStore store, MeetingReportSources sources, TimeProvider clock, ILogger log) =>
        Akka.Actor.Props.Create(() => new MeetingReportWriter(meetings, store, sources, clock, log));
}
