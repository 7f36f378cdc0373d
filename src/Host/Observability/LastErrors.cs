using System.Text.RegularExpressions;

namespace OpenTalk.Host.Observability;

/// <summary>One error-level log entry as the administration page shows it.</summary>
/// <param name="At">When it was logged (UTC).</param>
/// <param name="Category">The logger's category: the class (or Akka source) that logged it.</param>
/// <param name="Message">The formatted message, with passwords, secrets and URL credentials masked.</param>
/// <param name="Exception">The exception's type and message (masked the same way), when one was logged.</param>
public sealed record NodeError(DateTimeOffset At, string Category, string Message, string? Exception);

/// <summary>
/// The newest error-level log entries of this node, in memory only (gone with the node), fed by
/// <see cref="LastErrorsLoggerProvider"/>: an administrator sees what went wrong lately on each node without its logs.
/// </summary>
public sealed partial class LastErrors(TimeProvider clock)
{
    public const int Capacity = 20;
    private const int LongestText = 1000;
    private readonly Queue<NodeError> _newest = new(Capacity);
    private readonly Lock _lock = new();

    public void Add(string category, string message, Exception? exception)
    {
        var entry = new NodeError(clock.GetUtcNow(), category, Mask(message),
            exception is null ? null : Mask($"{exception.GetType().FullName}: {exception.Message}"));
        lock (_lock)
        {
            if (_newest.Count == Capacity)
                _newest.Dequeue();
            _newest.Enqueue(entry);
        }
    }

    /// <summary>Newest first.</summary>
    public IReadOnlyList<NodeError> Newest()
    {
        lock (_lock)
            return [.. _newest.Reverse()];
    }

    /// <summary>
    /// Log messages name endpoints and connection strings now and then; what a reader of the page must not learn is
    /// masked: <c>user:password@</c> in URLs and the values of password, secret, token and key settings.
    /// </summary>
    public static string Mask(string text)
    {
        var masked = Credentials().Replace(text, "${scheme}***@");
        masked = Settings().Replace(masked, "${name}${sep}***");
        return masked.Length <= LongestText ? masked : masked[..LongestText] + "…";
    }

    [GeneratedRegex(@"(?<scheme>[a-z][a-z0-9+.-]*://)[^/\s@]+@", RegexOptions.IgnoreCase)]
    private static partial Regex Credentials();

    [GeneratedRegex(@"(?<name>\b[\w.-]*(password|pwd|secret|token|apikey|api_key|access_key|secret_key)[\w.-]*)(?<sep>\s*[=:]\s*)[^;,\s&]+",
        RegexOptions.IgnoreCase)]
    private static partial Regex Settings();
}

/// <summary>Hands every error-level entry (and worse) to <see cref="LastErrors"/>; nothing else is kept.</summary>
[ProviderAlias("LastErrors")]
public sealed class LastErrorsLoggerProvider(LastErrors errors) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, errors);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, LastErrors errors) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Error && logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
                return;
            var message = formatter(state, exception);
            if (!IsMigrationProbe(category, message))
                errors.Add(category, message, exception);
        }

        /// <summary>
        /// On a new database EF Core reads its migrations history before it creates it and logs that read as failed
        /// (npgsql/efcore.pg#3407, see IdentitySeeder): an administrator would chase an error that is none.
        /// </summary>
        private static bool IsMigrationProbe(string category, string message) =>
            category == "Microsoft.EntityFrameworkCore.Database.Command"
            && message.Contains("__EFMigrationsHistory", StringComparison.Ordinal)
            && message.Contains("SELECT \"MigrationId\"", StringComparison.Ordinal);
    }
}
