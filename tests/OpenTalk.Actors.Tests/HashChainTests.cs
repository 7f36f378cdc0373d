using OpenTalk.Actors.Journal;
using OpenTalk.Actors.Meetings;

namespace OpenTalk.Actors.Tests;

public class HashChainTests
{
    private static List<DomainEvent> Chain(params DomainEvent[] events)
    {
        var previous = HashChain.Genesis;
        var linked = new List<DomainEvent>();
        foreach (var evt in events)
        {
            var withLink = evt with { PrevHash = previous };
            previous = HashChain.HashOf(withLink);
            linked.Add(withLink);
        }
        return linked;
    }

    private static readonly Guid P = Guid.NewGuid();

    [Fact]
    public void An_untouched_history_verifies()
    {
        Assert.Null(HashChain.FirstBrokenLink(Chain(new HandRaised(P), new HandLowered(P), new HandRaised(P))));
    }

    [Fact]
    public void Altering_an_event_breaks_the_next_link()
    {
        var history = Chain(new HandRaised(P), new HandLowered(P), new HandRaised(P));
        history[1] = ((HandLowered)history[1]) with { By = "someone else" };
        Assert.Equal(2, HashChain.FirstBrokenLink(history));
    }

    [Fact]
    public void Removing_an_event_is_detected()
    {
        var history = Chain(new HandRaised(P), new HandLowered(P), new HandRaised(P));
        history.RemoveAt(1);
        Assert.Equal(1, HashChain.FirstBrokenLink(history));
    }
}
