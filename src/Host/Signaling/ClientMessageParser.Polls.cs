using OpenTalk.Actors.Meetings;
using OpenTalk.Protocol.Signaling;
using In = OpenTalk.Protocol.Signaling.Inbound;

namespace OpenTalk.Host.Signaling;

/// <summary>The <c>polls</c> namespace.</summary>
public static partial class ClientMessageParser
{
    private static ParsedMessage Polls(string action, In.IPollsMessage message, Sender s)
    {
        const string ns = Namespaces.Polls;
        ParsedMessage For(IParticipantCommand command) => new ParsedMessage.ForMeeting(ns, action, command);
        switch (message)
        {
            case In.StartPoll { Topic: { } topic, Choices: { } choices } start
                when TrySeconds(start.Duration, out var given) && given is { } duration && !choices.Contains(null):
                return For(new StartPoll(s.Room, s.Me, Guid.NewGuid(), topic, start.Live, start.MultipleChoice,
                    [.. choices.Select(choice => choice!)], duration, start.AllowEditing));
            case In.VoteInPoll { PollId: { } poll } vote when (vote.Choices ?? vote.ChoiceIds ?? (vote.ChoiceId is { } one ? [one] : null)) is { } chosen:
                return For(new VoteInPoll(s.Room, s.Me, poll, [.. chosen]));
            case In.FinishPoll finish when (finish.Id ?? finish.PollId) is { } poll:
                return For(new FinishPoll(s.Room, s.Me, poll));
            default:
                return InvalidPayload(ns);
        }
    }
}
