namespace OpenTalk.Actors;

/// <summary>Tunables of the engine, bound from configuration by the Host.</summary>
public sealed record EngineSettings
{
    /// <summary>A snapshot is written after every this many events of one entity (0 = never).</summary>
    public int SnapshotEvery { get; init; } = 100;

    /// <summary>How long a participant whose socket dropped stays in the room, waiting to resume.</summary>
    public TimeSpan ResumeWindow { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a signaling ticket may wait before it is redeemed.</summary>
    public TimeSpan TicketLifetime { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long the speaker in focus keeps it after they stop talking, so the view does not flicker.</summary>
    public TimeSpan FocusHold { get; init; } = TimeSpan.FromSeconds(1.5);

    /// <summary>
    /// The tariff every participant is told in <c>join_success</c> (OpenTalk's <c>TariffResource</c>; the Host's
    /// configuration): OpenTalk's web app decides by its modules which parts of the meeting it offers.
    /// </summary>
    public object? Tariff { get; init; }

    /// <summary>How many people a room may hold at once (the tariff's <c>room_participant_limit</c>); null for no limit.</summary>
    public int? RoomParticipantLimit { get; init; }

    /// <summary>Where people reach the nodes (behind a load balancer: its address): the notes' and whiteboard's pages are handed out under it.</summary>
    public string PublicUrl { get; init; } = "http://127.0.0.1:8080";
}
