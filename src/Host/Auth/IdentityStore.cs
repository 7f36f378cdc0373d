using Microsoft.EntityFrameworkCore;

namespace OpenTalk.Host.Auth;

/// <summary>A local account of the embedded sign-in provider.</summary>
public sealed class Account
{
    public Guid Id { get; set; }

    public string UserName { get; set; } = "";

    public string DisplayName { get; set; } = "";

    public string PasswordHash { get; set; } = "";

    public bool IsAdmin { get; set; }

    /// <summary>Where invitations go; sent as the <c>email</c> claim.</summary>
    public string? Email { get; set; }

    /// <summary>Language for mails and the web app (<c>en</c>, <c>de</c>); sent as the <c>locale</c> claim.</summary>
    public string Language { get; set; } = "en";

    /// <summary>Group names, comma-separated; sent as <c>groups</c> claims like Keycloak does.</summary>
    public string Groups { get; set; } = "";

    public IReadOnlyList<string> GroupList => Groups.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

/// <summary>Accounts plus OpenIddict's applications, authorizations and tokens (SQLite in the data folder).</summary>
public sealed class IdentityStore(DbContextOptions<IdentityStore> options) : DbContext(options)
{
    public DbSet<Account> Accounts => Set<Account>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<Account>().HasIndex(a => a.UserName).IsUnique();
    }
}
