using System.Text.Json;
using OpenTalk.Actors.Meetings;
using OpenTalk.Actors.Scheduling;

namespace OpenTalk.Actors.Tests;

/// <summary>
/// Participant commands name their room, their sender and their target, and scheduling commands their meeting, their
/// user and their room, with types of their own, so that ids given in the wrong order do not compile; across nodes
/// they still travel as the plain ids they were.
/// </summary>
public class MeetingIdsTests
{
    private static readonly Type[] Commands = [.. typeof(IParticipantCommand).Assembly.GetTypes()
        .Where(type => type is { IsClass: true, IsAbstract: false } && typeof(IParticipantCommand).IsAssignableFrom(type))];

    [Fact]
    public void Every_participant_command_takes_its_room_sender_and_target_as_typed_ids()
    {
        Assert.True(Commands.Length >= 50, $"only {Commands.Length} participant commands found");
        var untyped = Commands
            .SelectMany(type => type.GetConstructors().SelectMany(constructor => constructor.GetParameters()).Select(parameter => (type, parameter)))
            .Where(p => p.parameter.Name is "RoomId" or "ParticipantId" or "Target")
            .Where(p => (Nullable.GetUnderlyingType(p.parameter.ParameterType) ?? p.parameter.ParameterType)
                != (p.parameter.Name == "RoomId" ? typeof(RoomId) : typeof(ParticipantId)))
            .Select(p => $"{p.type.Name}.{p.parameter.Name}: {p.parameter.ParameterType.Name}")
            .Distinct()
            .ToList();
        Assert.True(untyped.Count == 0, string.Join("\n", untyped));
    }

    [Fact]
    public void Every_scheduling_command_takes_its_meeting_user_and_room_as_typed_ids()
    {
        var commands = typeof(IEventCommand).Assembly.GetTypes()
            .Where(type => type is { IsClass: true, IsAbstract: false } && typeof(OpenTalk.Actors.Sharding.IWithEventId).IsAssignableFrom(type))
            .ToList();
        Assert.True(commands.Count >= 9, $"only {commands.Count} scheduling commands found");
        Type[] typed = [typeof(ScheduledEventId), typeof(UserId), typeof(RoomId)];
        var untyped = commands
            .SelectMany(type => type.GetConstructors().SelectMany(constructor => constructor.GetParameters()).Select(parameter => (type, parameter)))
            .Where(p => p.parameter.Name is "EventId" or "UserId" or "RoomId" && !typed.Contains(p.parameter.ParameterType))
            .Select(p => $"{p.type.Name}.{p.parameter.Name}: {p.parameter.ParameterType.Name}")
            .ToList();
        Assert.True(untyped.Count == 0, string.Join("\n", untyped));
        Assert.All(commands, type => Assert.True(typeof(IEventCommand).IsAssignableFrom(type), type.Name));
    }

    [Fact]
    public void Typed_ids_travel_as_plain_ids_and_read_back()
    {
        var room = new RoomId(Guid.NewGuid());
        var sender = new ParticipantId(Guid.NewGuid());
        var target = new ParticipantId(Guid.NewGuid());
        var json = JsonSerializer.Serialize(new Kick(room, sender, target));

        Assert.Equal($$"""{"RoomId":"{{room.Value}}","ParticipantId":"{{sender.Value}}","Target":"{{target.Value}}"}""", json);
        Assert.Equal(new Kick(room, sender, target), JsonSerializer.Deserialize<Kick>(json));
    }
}
