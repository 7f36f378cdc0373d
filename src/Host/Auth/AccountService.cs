using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace OpenTalk.Host.Auth;

/// <summary>Local accounts of the embedded provider: check a password, add an account.</summary>
public sealed class AccountService(IdentityStore store)
{
    private static readonly PasswordHasher<Account> Hasher = new();

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
        IEnumerable<string> groups, string? email, string language, CancellationToken ct)
    {
        if (await store.Accounts.AnyAsync(a => a.UserName == userName, ct))
            return null;
        var account = new Account
        {
            Id = Guid.NewGuid(), UserName = userName, DisplayName = displayName, IsAdmin = isAdmin, Email = email, Language = language,
            Groups = string.Join(',', groups.Select(g => g.Trim()).Where(g => g.Length > 0 && !g.Contains(',', StringComparison.Ordinal))),
        };
        account.PasswordHash = Hasher.HashPassword(account, password);
        store.Accounts.Add(account);
        await store.SaveChangesAsync(ct);
        return account;
    }

    public Task<Account?> FindAsync(Guid id, CancellationToken ct) => store.Accounts.SingleOrDefaultAsync(a => a.Id == id, ct);

    private static readonly string FakeHash = Hasher.HashPassword(new Account(), "not a password");
}
