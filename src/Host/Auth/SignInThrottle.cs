using System.Collections.Concurrent;

namespace OpenTalk.Host.Auth;

/// <summary>
/// Slows down password guessing at the login form. Each failed sign-in of an account makes the next
/// attempt wait longer (1 s, 2 s, 4 s ... after the third), and <see cref="SignInThrottleSettings.AccountLockoutFailures"/>
/// failures lock the account out of the form for a while, the right password included. A client address
/// that fails for many accounts is locked out the same way. Counted per node, in memory.
/// </summary>
public sealed partial class SignInThrottle(Microsoft.Extensions.Options.IOptions<SignInThrottleSettings> options, TimeProvider clock, ILogger<SignInThrottle> log)
{
    private readonly SignInThrottleSettings settings = options.Value;

    private const int FreeFailures = 3;
    private static readonly TimeSpan LongestDelay = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<string, Failures> _accounts = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, Failures> _addresses = new(StringComparer.Ordinal);

    /// <summary>How long the client must wait before it may try this account from this address again; zero when it may now.</summary>
    public TimeSpan WaitBeforeTrying(string userName, string address)
    {
        var now = clock.GetUtcNow();
        var account = Current(_accounts, userName, now);
        var fromAddress = Current(_addresses, address, now);
        var until = Max(account.LockedUntil(settings.AccountLockoutFailures, Window, FreeFailures, LongestDelay),
            fromAddress.LockedUntil(settings.AddressLockoutFailures, Window, int.MaxValue, TimeSpan.Zero));
        return until > now ? until - now : TimeSpan.Zero;
    }

    public void Failed(string userName, string address)
    {
        var now = clock.GetUtcNow();
        var account = CountFailure(_accounts, userName, now);
        var fromAddress = CountFailure(_addresses, address, now);
        if (account.Count == settings.AccountLockoutFailures)
            LogAccountLocked(log, userName, account.Count, address, settings.LockoutMinutes);
        else if (account.Count > FreeFailures)
            LogFailedAgain(log, userName, account.Count, address);
        if (fromAddress.Count == settings.AddressLockoutFailures)
            LogAddressLocked(log, address, fromAddress.Count, settings.LockoutMinutes);
        Forget(now);
    }

    /// <summary>A successful sign-in clears the account's failures (the address keeps its count).</summary>
    public void Succeeded(string userName) => _accounts.TryRemove(userName, out _);

    private TimeSpan Window => TimeSpan.FromMinutes(settings.LockoutMinutes);

    private Failures CountFailure(ConcurrentDictionary<string, Failures> table, string key, DateTimeOffset now) =>
        table.AddOrUpdate(key, _ => new Failures(1, now), (_, f) => f.Expired(now, Window) ? new Failures(1, now) : new Failures(f.Count + 1, now));

    private Failures Current(ConcurrentDictionary<string, Failures> table, string key, DateTimeOffset now) =>
        table.TryGetValue(key, out var failures) && !failures.Expired(now, Window) ? failures : Failures.None;

    // Bounded memory under a spray of made-up user names: old entries go once the table is large.
    private void Forget(DateTimeOffset now)
    {
        foreach (var table in new[] { _accounts, _addresses })
            if (table.Count > 10_000)
                foreach (var (key, failures) in table)
                    if (failures.Expired(now, Window))
                        table.TryRemove(key, out _);
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private sealed record Failures(int Count, DateTimeOffset Last)
    {
        public static readonly Failures None = new(0, DateTimeOffset.MinValue);

        public bool Expired(DateTimeOffset now, TimeSpan window) => now - Last > window;

        /// <summary>Locked for the whole window after <paramref name="lockout"/> failures; before that, a delay doubling from 1 s.</summary>
        public DateTimeOffset LockedUntil(int lockout, TimeSpan window, int free, TimeSpan longestDelay)
        {
            if (Count >= lockout)
                return Last + window;
            if (Count <= free)
                return DateTimeOffset.MinValue;
            var delay = TimeSpan.FromSeconds(Math.Pow(2, Count - free - 1));
            return Last + (delay < longestDelay ? delay : longestDelay);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sign-in for {UserName} failed {Count} times (last from {Address}): locked out of the login form for {Minutes} minutes")]
    private static partial void LogAccountLocked(ILogger logger, string userName, int count, string address, int minutes);

    [LoggerMessage(Level = LogLevel.Information, Message = "Sign-in for {UserName} failed {Count} times (last from {Address}): each further try waits longer")]
    private static partial void LogFailedAgain(ILogger logger, string userName, int count, string address);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} failed sign-ins from {Address}: the address is locked out of the login form for {Minutes} minutes")]
    private static partial void LogAddressLocked(ILogger logger, string address, int count, int minutes);
}

/// <summary><c>SignIn:Throttle</c>: how the login form slows down password guessing.</summary>
public sealed class SignInThrottleSettings
{
    public const string Section = "SignIn:Throttle";

    /// <summary>Failed sign-ins of one account after which it is locked out of the login form.</summary>
    [System.ComponentModel.DataAnnotations.Range(4, 1000)]
    public int AccountLockoutFailures { get; set; } = 10;

    /// <summary>Failed sign-ins from one client address (any accounts) after which the address is locked out.</summary>
    [System.ComponentModel.DataAnnotations.Range(4, 100_000)]
    public int AddressLockoutFailures { get; set; } = 50;

    /// <summary>How long a lockout lasts, and how long failures are remembered.</summary>
    [System.ComponentModel.DataAnnotations.Range(1, 24 * 60)]
    public int LockoutMinutes { get; set; } = 15;
}
