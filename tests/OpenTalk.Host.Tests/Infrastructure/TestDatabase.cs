using Npgsql;

namespace OpenTalk.Host.Tests.Infrastructure;

/// <summary>
/// A fresh database on the Postgres server that <c>./test</c> starts (OPENTALK_TEST_POSTGRES).
/// Without that server the tests fail loudly: they are about the real thing.
/// </summary>
public static class TestDatabase
{
    public static string ServerConnectionString =>
        Environment.GetEnvironmentVariable("OPENTALK_TEST_POSTGRES")
        ?? throw new InvalidOperationException("OPENTALK_TEST_POSTGRES is not set: run the tests through ./test, which starts Postgres.");

    public static async Task<string> CreateAsync()
    {
        var name = "opentalk_test_" + Guid.NewGuid().ToString("N")[..12];
        await using (var connection = new NpgsqlConnection(ServerConnectionString))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await create.ExecuteNonQueryAsync();
        }
        return new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = name }.ConnectionString;
    }
}
