using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using OpenTalk.Client;
using OpenTalk.Host.Hosting;

namespace OpenTalk.Host.Tests.Infrastructure;

/// <summary>
/// One real OpenTalk node in this process: Kestrel on a free loopback port, the embedded sign-in
/// provider, and its stores on Postgres: the database given, or a fresh one of its own.
/// </summary>
public sealed class TestNode : IAsyncDisposable
{
    public const string AdminPassword = "admin-password-for-tests";
    public const string ServiceClientId = "test-service";
    public const string ServiceClientSecret = "test-service-secret-1234";
    public const string RecorderClientId = "test-recorder";
    public const string RecorderClientSecret = "test-recorder-secret-1234";
    public const string CallInClientId = "test-call-in";
    public const string CallInClientSecret = "test-call-in-secret-1234";

    private readonly WebApplication _app;

    private TestNode(WebApplication app, Uri baseUri, string dataFolder, string postgres)
    {
        _app = app;
        Postgres = postgres;
        BaseUri = baseUri;
        DataFolder = dataFolder;
    }

    public Uri BaseUri { get; }

    public string DataFolder { get; }

    /// <summary>The connection string of the node's database.</summary>
    public string Postgres { get; }

    public IServiceProvider Services => _app.Services;

    /// <summary>Starts a node; give the database, data folder and URL of a stopped one to restart it.</summary>
    public static async Task<TestNode> StartAsync(string? postgres, string? dataFolder = null, Uri? url = null, params string[] extra)
    {
        dataFolder ??= Directory.CreateTempSubdirectory("opentalk-node-").FullName;
        postgres ??= await TestDatabase.CreateAsync();
        string[] args =
        [
            "--urls", url?.ToString().TrimEnd('/') ?? "http://127.0.0.1:0",
            "--Logging:LogLevel:Default", Environment.GetEnvironmentVariable("OPENTALK_TEST_LOG_LEVEL") ?? "Warning",
            "--OpenTalk:DataFolder", dataFolder,
            "--OpenTalk:Postgres", postgres,
            "--OpenTalk:ResumeWindowSeconds", "3",
            "--OpenTalk:SnapshotEvery", "5",
            "--SignIn:InitialAdminPassword", AdminPassword,
            "--SignIn:ServiceAccounts:0:ClientId", ServiceClientId,
            "--SignIn:ServiceAccounts:0:ClientSecret", ServiceClientSecret,
            "--SignIn:ServiceAccounts:1:ClientId", RecorderClientId,
            "--SignIn:ServiceAccounts:1:ClientSecret", RecorderClientSecret,
            "--SignIn:ServiceAccounts:1:Roles:0", "opentalk-recorder",
            "--SignIn:ServiceAccounts:2:ClientId", CallInClientId,
            "--SignIn:ServiceAccounts:2:ClientSecret", CallInClientSecret,
            "--SignIn:ServiceAccounts:2:Roles:0", "opentalk-call-in",
            // Tests that record turn the node's own recorder on; the others play the recorder themselves.
            "--Recorder:InProcess", "false",
            .. extra,
        ];
        var app = OpenTalkApp.Build(args);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new TestNode(app, new Uri(address + "/"), dataFolder, postgres);
    }

    /// <summary>
    /// An API client with no token. Every answer it gets is checked against docs/openapi.json
    /// (<see cref="OpenApiConformance"/>): a test that sees an undocumented answer fails.
    /// </summary>
    public OpenTalkApi Anonymous() => new(new HttpClient(new OpenApiConformance(new HttpClientHandler())) { BaseAddress = BaseUri });

    /// <summary>
    /// An API client signed in as the initial admin. The token is asked for once per node: a password sign-in hashes on
    /// purpose slowly, and most tests need the admin only to create their accounts.
    /// </summary>
    public async Task<OpenTalkApi> AsAdminAsync()
    {
        _adminToken ??= await SignIn.WithPasswordAsync(BaseUri, "admin", AdminPassword);
        var api = Anonymous();
        api.AccessToken = _adminToken;
        return api;
    }

    private string? _adminToken;

    public async Task<OpenTalkApi> AsAsync(string userName, string password)
    {
        var api = Anonymous();
        api.AccessToken = await SignIn.WithPasswordAsync(BaseUri, userName, password);
        return api;
    }

    /// <summary>Creates a local account through the admin API and signs it in.</summary>
    public async Task<OpenTalkApi> NewUserAsync(string name) => (await NewUserWithIdAsync(name)).Api;

    public async Task<(OpenTalkApi Api, Guid Id)> NewUserWithIdAsync(string name, string? email = null, string? language = null)
    {
        var admin = await AsAdminAsync();
        var userName = $"{name}-{Guid.NewGuid():N}"[..20];
        var account = await admin.CreateAccountAsync(userName, "password-" + name, name, email: email, language: language);
        return (await AsAsync(userName, "password-" + name), account.GetProperty("id").GetGuid());
    }

    /// <summary>An API client signed in as the recorder service (client credentials, role <c>opentalk-recorder</c>).</summary>
    public async Task<OpenTalkApi> AsRecorderAsync()
    {
        var api = Anonymous();
        api.AccessToken = await SignIn.WithClientCredentialsAsync(BaseUri, RecorderClientId, RecorderClientSecret);
        return api;
    }

    /// <summary>An API client signed in as the phone gateway (client credentials, role <c>opentalk-call-in</c>).</summary>
    public async Task<OpenTalkApi> AsCallInGatewayAsync()
    {
        var api = Anonymous();
        api.AccessToken = await SignIn.WithClientCredentialsAsync(BaseUri, CallInClientId, CallInClientSecret);
        return api;
    }

    public Task<SignalingClient> ConnectAsync(string ticket) => SignalingClient.ConnectAsync(BaseUri, ticket);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        // Idle pooled connections would outlive the node and, over many test classes, fill the server.
        await using var connection = new Npgsql.NpgsqlConnection(Postgres);
        Npgsql.NpgsqlConnection.ClearPool(connection);
    }
}
