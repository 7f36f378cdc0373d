using OpenTalk.Actors.Journal;
using OpenTalk.Actors.Meetings;
using OpenTalk.Actors.Participants;
using OpenTalk.Protocol.Signaling;

namespace OpenTalk.Actors.Tests;

public class ChatDeciderTests : DeciderTest
{
    private static readonly Guid Owner = Guid.NewGuid();
    private static readonly ParticipantId Mod = new(Guid.NewGuid());
    private static readonly Guid Staff = Guid.NewGuid();
    private static readonly ParticipantId Guest = new(Guid.NewGuid());

    private static MeetingState Room_in_session() => new DomainEvent[]
    {
        new RoomCreated(Room, Owner, null, false),
        new ParticipantJoined(Mod, "Olga", MeetingRole.Moderator, ParticipantIdentity.ForUser(Owner)),
        new ParticipantJoined(Staff, "Sam", MeetingRole.User, ParticipantIdentity.ForUser(Guid.NewGuid(), groups: ["staff"])),
        new ParticipantJoined(Guest, "Gus", MeetingRole.Guest, ParticipantIdentity.ForGuest("invite")),
    }.Aggregate(MeetingState.Empty(Room), MeetingEvolve.Apply);

    private static SendChatMessage Say(Guid from, string text, MessageScope scope = MessageScope.Global, Guid? to = null, string? group = null) =>
        new(Room, new ParticipantId(from), Guid.NewGuid(), text, scope, (to is { } id24x54 ? new ParticipantId(id24x54) : null), group);

    [Theory]
    [InlineData(50, 199)]   // missed 199 messages: all of them, more than the usual 100
    [InlineData(240, 100)]  // missed 9: the usual newest 100
    [InlineData(-1, 100)]   // a message the log does not know: the usual newest 100
    public void A_welcome_after_a_move_reaches_back_to_the_last_message_the_client_received(int lastSeen, int expected)
    {
        var state = Room_in_session();
        for (var i = 0; i < 250; i++)
            state = Then(state, Say(Staff, $"message {i}"));
        var ids = state.Chat.Messages.Select(m => m.Id).ToList();
        var last = lastSeen >= 0 ? ids[lastSeen] : Guid.NewGuid();

        var welcome = Assert.IsType<JoinSuccess>(Assert.Single(MeetingNotifications.Welcome(Guest, state, resumed: true, last)).Payload);
        var chat = Assert.IsType<ChatModuleState>(welcome.Modules[Namespaces.Chat]);
        var history = chat.RoomHistory;
        Assert.Equal(expected, history.Count);
        Assert.Equal("message 249", history[^1].Content);
        Assert.True(chat.HasMoreHistory);
        if (lastSeen >= 0 && expected > 100)
            Assert.Equal(ids[lastSeen + 1], history[0].Id);
    }

    [Fact]
    public void A_private_message_is_visible_to_its_two_people_only()
    {
        var state = Then(Room_in_session(), Say(Staff, "psst", MessageScope.Private, to: Guest));
        Assert.Single(state.Chat.VisibleTo(state.Participants[Staff]));
        Assert.Single(state.Chat.VisibleTo(state.Participants[Guest]));
        Assert.Empty(state.Chat.VisibleTo(state.Participants[Mod]));
    }

    [Fact]
    public void Only_members_send_to_and_read_a_group()
    {
        Assert.Equal(ErrorCodes.NotInGroup, When(Room_in_session(), Say(Guest, "hi", MessageScope.Group, group: "staff")).Error);
        var state = Then(Room_in_session(), Say(Staff, "team only", MessageScope.Group, group: "staff"));
        Assert.Single(state.Chat.VisibleTo(state.Participants[Staff]));
        Assert.Empty(state.Chat.VisibleTo(state.Participants[Guest]));
    }

    [Fact]
    public void A_disabled_chat_refuses_messages_and_only_moderators_switch_it()
    {
        Assert.Equal(ErrorCodes.InsufficientPermissions, When(Room_in_session(), new SetChat(Room, Guest, false)).Error);
        var state = Then(Room_in_session(), new SetChat(Room, Mod, false));
        Assert.Equal(ErrorCodes.ChatDisabled, When(state, Say(Staff, "hello?")).Error);
        state = Then(state, new SetChat(Room, Mod, true));
        Assert.Single(When(state, Say(Staff, "hello!")).Events);
    }

    [Fact]
    public void Clearing_hides_the_history_but_the_journal_keeps_the_messages()
    {
        var state = Then(Room_in_session(), Say(Staff, "before"));
        var cleared = When(state, new ClearChatHistory(Room, Mod));
        Assert.IsType<ChatHistoryCleared>(Assert.Single(cleared.Events));
        state = cleared.Events.Aggregate(state, MeetingEvolve.Apply);
        Assert.Empty(state.Chat.VisibleTo(state.Participants[Staff]));
        Assert.Equal(ErrorCodes.InsufficientPermissions, When(state, new ClearChatHistory(Room, Guest)).Error);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Empty_messages_are_refused(string text) =>
        Assert.Equal(ErrorCodes.EmptyMessage, When(Room_in_session(), Say(Staff, text)).Error);

    [Fact]
    public void Overlong_messages_are_refused_and_retries_are_not_doubled()
    {
        Assert.Equal(ErrorCodes.MessageTooLong, When(Room_in_session(), Say(Staff, new string('x', ChatLog.MaxContentLength + 1))).Error);
        var message = Say(Staff, "once");
        var state = Then(Room_in_session(), message);
        Assert.Empty(When(state, message).Events);
    }

    [Fact]
    public void History_comes_in_chunks_oldest_first_with_a_has_more_flag()
    {
        var state = Room_in_session();
        for (var i = 0; i < 5; i++)
            state = Then(state, Say(Staff, $"m{i}"));
        var me = state.Participants[Guest];
        var newest = MeetingQueries.Chunk(state, me, before: null, count: 2);
        Assert.Equal(["m3", "m4"], newest.Messages.Select(m => m.Content));
        Assert.True(newest.HasMore);
        var older = MeetingQueries.Chunk(state, me, newest.Messages[0].Id, count: 10);
        Assert.Equal(["m0", "m1", "m2"], older.Messages.Select(m => m.Content));
        Assert.False(older.HasMore);
    }

    [Fact]
    public void The_session_ending_takes_the_chat_with_it()
    {
        var state = Then(Room_in_session(), Say(Staff, "bye"));
        foreach (var p in new[] { Staff, Guest, Mod })
            state = Then(state, new Leave(Room, new ParticipantId(p)));
        Assert.Empty(state.Chat.Messages);
    }
}
