using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace OpenTalk.Host.Auth;

/// <summary>Local accounts of the embedded provider: check a password; add, list, disable and reset accounts.</summary>
public sealed class AccountService(IdentityStore store, TimeProvider clock)
{
    private static readonly PasswordHasher<Account> Hasher = new();

    /// <summary>The account when the password is right (a disabled one too: the caller says why it cannot sign in).</summary>
    public async Task<Account?> VerifyAsync(string userName, string password, CancellationToken ct)
    {
        var account = await store.Accounts.SingleOrDefaultAsync(a => a.UserName == userName, ct);
        if (account is null)
        {
            // Spend the same time as a real check, so user names cannot be probed by timing.
            Hasher.VerifyHashedPassword(new Account(), FakeHash, password);
            return null;
        }
        return Hasher.VerifyHashedPassword(account, account.PasswordHash, password) == PasswordVerificationResult.Failed
            ? null
            : account;
    }

    public async Task<Account?> CreateAsync(string userName, string displayName, string password, bool isAdmin,
        IEnumerable<string> groups, string? email, string language, CancellationToken ct, bool isAuditor = false)
    {
        if (await store.Accounts.AnyAsync(a => a.UserName == userName, ct))
            return null;
        var account = new Account
        {
            Id = Guid.NewGuid(), UserName = userName, DisplayName = displayName, IsAdmin = isAdmin, IsAuditor = isAuditor, Email = email, Language = language,
            Groups = string.Join(',', groups.Select(g => g.Trim()).Where(g => g.Length > 0 && !g.Contains(',', StringComparison.Ordinal))),
            CreatedAt = clock.GetUtcNow(),
        };
        account.PasswordHash = Hasher.HashPassword(account, password);
        store.Accounts.Add(account);
        await store.SaveChangesAsync(ct);
        return account;
    }

    public Task<Account?> FindAsync(Guid id, CancellationToken ct) => store.Accounts.SingleOrDefaultAsync(a => a.Id == id, ct);

    /// <summary>Every account, by user name (a node has people, not millions: no paging).</summary>
    public async Task<IReadOnlyList<Account>> ListAsync(CancellationToken ct) =>
        await store.Accounts.AsNoTracking().OrderBy(a => a.UserName).ToListAsync(ct);

    /// <summary>Changes what an administrator may change; null when there is no such account.</summary>
    public async Task<Account?> UpdateAsync(Guid id, bool? disabled, string? newPassword, CancellationToken ct, bool? isAuditor = null)
    {
        var account = await FindAsync(id, ct);
        if (account is null)
            return null;
        account.Disabled = disabled ?? account.Disabled;
        account.IsAuditor = isAuditor ?? account.IsAuditor;
        if (newPassword is not null)
            account.PasswordHash = Hasher.HashPassword(account, newPassword);
        await store.SaveChangesAsync(ct);
        return account;
    }

    /// <summary>Keeps what the person changed in their profile on the account, so the next token carries it.</summary>
    public async Task UpdateProfileAsync(Guid id, string? displayName, string? email, string? language, CancellationToken ct)
    {
        var account = await FindAsync(id, ct);
        if (account is null)
            return;
        account.DisplayName = displayName?.Trim() ?? account.DisplayName;
        account.Email = email is null ? account.Email : email.Length == 0 ? null : email;
        account.Language = language is "en" or "de" ? language : account.Language;
        await store.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Changes whenever the account's password or auditor role does: sign-in sessions and refresh tokens carry it, and
    /// one made before a reset (perhaps by whoever knew the old password) is refused afterwards, as is one that still
    /// carries a role taken away. (Accounts without the role keep the stamp they had before roles were part of it.)
    /// </summary>
    public static string CredentialStamp(Account account) =>
        Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(
            System.Text.Encoding.UTF8.GetBytes(account.PasswordHash + (account.IsAuditor ? "\nauditor" : ""))))[..16];

    private static readonly string FakeHash = Hasher.HashPassword(new Account(), "not a password");
}
