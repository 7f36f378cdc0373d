using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using OpenTalk.Host.Hosting;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace OpenTalk.Host.Auth;

/// <summary>Creates or migrates the identity tables, the web client, service accounts and the first administrator.</summary>
public sealed partial class IdentitySeeder(
    IServiceProvider services,
    IOptions<SignInSettings> signIn,
    IOptions<OpenTalkSettings> settings,
    ILogger<IdentitySeeder> logger) : IHostedService
{

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<IdentityStore>();
        // Never EnsureCreated: it creates nothing as soon as the database holds any table (the journal's, say).
        // Migrate takes a lock of its own, so nodes that start together do not race. On a new database EF first logs
        // one failed SELECT of its history table, then creates it (npgsql/efcore.pg#3407): harmless.
        await store.Database.MigrateAsync(cancellationToken);

        await UpsertAsync(WebClient(), cancellationToken);
        if (OpenTalkWebAppClient() is { } openTalkWebApp)
            await UpsertAsync(openTalkWebApp, cancellationToken);
        foreach (var account in signIn.Value.ServiceAccounts)
            await UpsertAsync(ServiceClient(account), cancellationToken);

        if (!await store.Accounts.AnyAsync(cancellationToken))
            await CreateInitialAdminAsync(store, cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private OpenIddictApplicationDescriptor WebClient()
    {
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = signIn.Value.WebClientId,
            ClientType = ClientTypes.Public,
            DisplayName = "OpenTalk web app",
            Permissions =
            {
                Permissions.Endpoints.Authorization, Permissions.Endpoints.Token, Permissions.Endpoints.EndSession,
                Permissions.GrantTypes.AuthorizationCode, Permissions.GrantTypes.RefreshToken,
                Permissions.ResponseTypes.Code, Permissions.Scopes.Profile, Permissions.Scopes.Email,
            },
            Requirements = { Requirements.Features.ProofKeyForCodeExchange },
        };
        // Native and test clients use loopback callbacks (RFC 8252); the web app its own origin.
        foreach (var uri in signIn.Value.RedirectUris.Append("http://127.0.0.1/callback").Append("http://localhost/callback"))
            descriptor.RedirectUris.Add(new Uri(uri));
        // After signing out, the web app comes back to its welcome page: the root of the site of each of its callbacks.
        foreach (var site in signIn.Value.RedirectUris.Select(u => new Uri(new Uri(u), "/")).Distinct())
            descriptor.PostLogoutRedirectUris.Add(site);
        return descriptor;
    }

    /// <summary>
    /// OpenTalk's own web app, where an organisation serves it (<see cref="SignInSettings.OpenTalkWebApp"/>): a public
    /// client with PKCE, as it is registered at Keycloak, with the callbacks that app uses.
    /// </summary>
    private OpenIddictApplicationDescriptor? OpenTalkWebAppClient()
    {
        if (string.IsNullOrWhiteSpace(signIn.Value.OpenTalkWebApp))
            return null;
        var site = new Uri(signIn.Value.OpenTalkWebApp.TrimEnd('/') + "/");
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = signIn.Value.OpenTalkWebAppClientId,
            ClientType = ClientTypes.Public,
            DisplayName = "OpenTalk web app",
            Permissions =
            {
                Permissions.Endpoints.Authorization, Permissions.Endpoints.Token, Permissions.Endpoints.EndSession,
                Permissions.GrantTypes.AuthorizationCode, Permissions.GrantTypes.RefreshToken,
                Permissions.ResponseTypes.Code, Permissions.Scopes.Profile, Permissions.Scopes.Email,
            },
            Requirements = { Requirements.Features.ProofKeyForCodeExchange },
        };
        descriptor.RedirectUris.Add(new Uri(site, "auth/callback"));
        descriptor.RedirectUris.Add(new Uri(site, "auth/popup_callback"));
        descriptor.PostLogoutRedirectUris.Add(new Uri(site, "dashboard"));
        descriptor.PostLogoutRedirectUris.Add(site);
        return descriptor;
    }

    private static OpenIddictApplicationDescriptor ServiceClient(ServiceAccount account)
    {
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = account.ClientId,
            ClientSecret = account.ClientSecret,
            ClientType = ClientTypes.Confidential,
            DisplayName = $"Service account {account.ClientId}",
            Permissions = { Permissions.Endpoints.Token, Permissions.GrantTypes.ClientCredentials },
        };
        return descriptor;
    }

    /// <summary>
    /// Creates or updates one client. Nodes that start together write the same clients: the one that loses the race
    /// (a changed concurrency token, or the same client id created first by the other) reads it again, in a new scope
    /// (the old one still tracks what failed), and updates what it finds.
    /// </summary>
    private async Task UpsertAsync(OpenIddictApplicationDescriptor descriptor, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var scope = services.CreateAsyncScope();
            var manager = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
            try
            {
                var existing = await manager.FindByClientIdAsync(descriptor.ClientId!, ct);
                if (existing is null)
                    await manager.CreateAsync(descriptor, ct);
                else
                    await manager.UpdateAsync(existing, descriptor, ct);
                return;
            }
            catch (Exception e) when (attempt < 5 && e is OpenIddict.Abstractions.OpenIddictExceptions.ConcurrencyException or DbUpdateException)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100 * attempt), ct);
            }
        }
    }

    private async Task CreateInitialAdminAsync(IdentityStore store, CancellationToken ct)
    {
        var password = signIn.Value.InitialAdminPassword;
        var passwordFile = Path.Combine(settings.Value.DataFolder, "admin-password.txt");
        if (string.IsNullOrEmpty(password))
        {
            password = Convert.ToBase64String(RandomNumberGenerator.GetBytes(12)).Replace('/', '-').Replace('+', '_');
            await File.WriteAllTextAsync(passwordFile, password + "\n", ct);
            if (!OperatingSystem.IsWindows())
                File.SetUnixFileMode(passwordFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        var admin = new Account
        {
            Id = Guid.NewGuid(), UserName = signIn.Value.InitialAdmin, DisplayName = "Administrator", IsAdmin = true,
            CreatedAt = services.GetRequiredService<TimeProvider>().GetUtcNow(),
        };
        admin.PasswordHash = new PasswordHasher<Account>().HashPassword(admin, password);
        store.Accounts.Add(admin);
        await store.SaveChangesAsync(ct);
        LogAdminCreated(admin.UserName, passwordFile);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Created the first administrator '{UserName}'; its password is in {PasswordFile} unless it was configured.")]
    private partial void LogAdminCreated(string userName, string passwordFile);
}
