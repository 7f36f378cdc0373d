using Marten;
using OpenTalk.Host.Hosting;
using OpenTalk.Host.Tests.Infrastructure;
using OpenTalk.Projections;
using OpenTalk.Projections.Events;

namespace OpenTalk.Host.Tests;

/// <summary>The read models' schema when several nodes start at once on a new database.</summary>
public sealed class ReadModelSchemaTests
{
    [Fact]
    public async Task Nodes_starting_together_on_a_new_database_all_get_the_read_model_tables()
    {
        var postgres = await TestDatabase.CreateAsync();
        var stores = Enumerable.Range(0, 4).Select(_ => OpenTalkApp.ReadModels(postgres)).ToList();
        try
        {
            // Marten's own creation fails one racer in a few with "relation already exists"; the advisory lock must not.
            await Task.WhenAll(stores.Select(store => new ReadModelSchema(store).EnsureAsync()));
            foreach (var store in stores)
            {
                await using var session = store.QuerySession();
                Assert.Equal(0, await session.Query<EventListDocument>().CountAsync());
            }
        }
        finally
        {
            foreach (var store in stores)
                store.Dispose();
        }
    }
}
