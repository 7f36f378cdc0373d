using OpenTalk.Actors.Journal;

namespace OpenTalk.Actors.Tests.JournalContract;

public class PersistenceIdsTests
{
    private static readonly Guid Id = Guid.Parse("6f1c2b2e-8f0e-4a51-9a43-5a3ad2c7a3b1");

    [Fact]
    public void A_stream_name_reads_back_as_its_entity_id()
    {
        Assert.True(PersistenceIds.TryParse(PersistenceIds.Of(PersistenceIds.Meeting, Id), PersistenceIds.Meeting, out var read));
        Assert.Equal(Id, read);
    }

    [Theory]
    [InlineData("event-6f1c2b2e-8f0e-4a51-9a43-5a3ad2c7a3b1")] // another kind
    [InlineData("meetings-6f1c2b2e-8f0e-4a51-9a43-5a3ad2c7a3b1")] // a kind that only starts alike
    [InlineData("meeting6f1c2b2e-8f0e-4a51-9a43-5a3ad2c7a3b1")]
    [InlineData("meeting-")]
    [InlineData("meeting")]
    [InlineData("meeting-not-an-id")]
    public void Streams_of_other_kinds_or_without_an_id_are_not_a_meetings(string persistenceId) =>
        Assert.False(PersistenceIds.TryParse(persistenceId, PersistenceIds.Meeting, out _));
}
