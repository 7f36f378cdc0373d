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

    /// <summary>May read and check every room's history; sent as the <c>opentalk-auditor</c> role.</summary>
    public bool IsAuditor { get; set; }

    /// <summary>Where invitations go; sent as the <c>email</c> claim.</summary>
    public string? Email { get; set; }

    /// <summary>Language for mails and the web app (<c>en</c>, <c>de</c>); sent as the <c>locale</c> claim.</summary>
    public string Language { get; set; } = "en";

    /// <summary>Group names, comma-separated; sent as <c>groups</c> claims like Keycloak does.</summary>
    public string Groups { get; set; } = "";

    /// <summary>Set by an administrator: the account cannot sign in, and its refresh tokens are refused.</summary>
    public bool Disabled { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public IReadOnlyList<string> GroupList => Groups.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

/// <summary>
/// Accounts plus OpenIddict's applications, authorizations and tokens, in the nodes' Postgres in their own schema
/// (<c>auth</c>), apart from the journal and the read models. Its tables come from EF Core migrations
/// (<c>Auth/Migrations</c>): a change to the model needs a new migration.
/// </summary>
public sealed class IdentityStore(DbContextOptions<IdentityStore> options) : DbContext(options)
{
    public const string Schema = "auth";

    public DbSet<Account> Accounts => Set<Account>();

    public static void Configure(DbContextOptionsBuilder options, string postgres) => options
        .UseNpgsql(postgres, npgsql => npgsql.MigrationsHistoryTable("__EFMigrationsHistory", Schema))
        .UseOpenIddict();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.HasDefaultSchema(Schema);
        modelBuilder.Entity<Account>().HasIndex(a => a.UserName).IsUnique();
    }
}

/// <summary>
/// Lets <c>dotnet ef migrations add</c> build the model without starting a node; it never connects, so the
/// connection string only has to parse.
/// </summary>
public sealed class IdentityStoreDesignFactory : Microsoft.EntityFrameworkCore.Design.IDesignTimeDbContextFactory<IdentityStore>
{
    public IdentityStore CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<IdentityStore>();
        IdentityStore.Configure(options, "Host=127.0.0.1;Database=opentalk");
        return new IdentityStore(options.Options);
    }
}
