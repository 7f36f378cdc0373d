namespace OpenTalk.Actors.Journal;

/// <summary>State of a hash-chained entity: it remembers the hash of the last applied event.</summary>
public interface IChainedState<TSelf> where TSelf : IChainedState<TSelf>
{
    string LastHash { get; }

    TSelf WithLastHash(string hash);
}
