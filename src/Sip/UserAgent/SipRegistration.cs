using OpenTalk.Sip.Auth;
using OpenTalk.Sip.Messages;

namespace OpenTalk.Sip.UserAgent;

/// <summary>
/// Our Contact bound to an address of record at a registrar (RFC 3261 §10.2), kept fresh in the background: one
/// Call-ID with a growing CSeq (§10.2.4), Digest answered and its nonce reused until the registrar challenges again,
/// a refresh at about 80 % of the granted time, and while REGISTERs fail, retries with back-off (<see cref="RegistrationTimes"/>).
/// </summary>
public sealed partial class SipRegistration : IAsyncDisposable
{
    /// <summary>How long disposing waits for the registrar to take our binding away.</summary>
    private static readonly TimeSpan UnregisterWait = TimeSpan.FromSeconds(5);

    private readonly object _gate = new();
    private readonly SipUserAgent _agent;
    private readonly DigestSession? _digest;
    private readonly SipCallId _callId = SipIds.NewCallId();
    private readonly NameAddress _from;
    private readonly CancellationTokenSource _stop = new();
    private TaskCompletionSource? _waiting;
    private SipCallFailedException? _refusal;
    private TimeSpan _expires;
    private SipUri? _contact;
    private uint _cseq;
    private int _failures;
    private Task _loop = Task.CompletedTask;
    private bool _disposed;

    internal SipRegistration(SipUserAgent agent, SipRegistrationOptions options)
    {
        _agent = agent;
        Options = options;
        _expires = options.Expires;
        _digest = options.Credentials is { } credentials ? new DigestSession(credentials) : null;
        _from = options.AddressOfRecord.WithTag(SipIds.NewTag());
    }

    public SipRegistrationOptions Options { get; }
    public SipRegistrationState State { get; private set; }
    /// <summary>Why the last REGISTER failed ("403 Forbidden", "no answer from the registrar"); null once one succeeds.</summary>
    public string? LastError { get; private set; }
    /// <summary>When the binding the registrar last granted runs out; null before the first success.</summary>
    public DateTimeOffset? ExpiresAt { get; private set; }

    /// <summary>Raised after every REGISTER exchange (a refresh leaves <see cref="State"/> as it was and moves <see cref="ExpiresAt"/>), on a pool thread.</summary>
    public event Action<SipRegistration>? StateChanged;

    internal void Start() => _loop = Task.Run(() => RunAsync(_stop.Token));

    /// <summary>
    /// Completes once registered; throws <see cref="SipCallFailedException"/> when the registrar refused us (403, 404,
    /// credentials it did not take…). Timeouts and 5xx only delay it: the registration keeps trying.
    /// </summary>
    public Task WhenRegisteredAsync(CancellationToken ct = default)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (State == SipRegistrationState.Registered)
            {
                return Task.CompletedTask;
            }
            if (_refusal is not null)
            {
                return Task.FromException(_refusal);
            }
            _waiting ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            return _waiting.Task.WaitAsync(ct);
        }
    }

    private async Task RunAsync(CancellationToken ct)
    {
        while (true)
        {
            TimeSpan wait;
            try
            {
                var (response, localError) = await ExchangeAsync(_expires, ct);
                wait = Settle(response, localError);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                wait = Settle(null, e.Message);
            }
            try
            {
                await Task.Delay(wait, _agent.Transactions.Time, ct);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Records what the exchange came to and returns the wait until the next REGISTER.</summary>
    private TimeSpan Settle(SipResponse? response, string? localError)
    {
        TimeSpan wait;
        TaskCompletionSource? waiting;
        SipCallFailedException? refusal = null;
        lock (_gate)
        {
            var granted = response?.StatusCode is >= 200 and < 300 && _contact is not null ? RegistrationTimes.Granted(response, _contact, _expires) : TimeSpan.Zero;
            if (granted > TimeSpan.Zero)
            {
                (State, LastError, ExpiresAt, _refusal, _failures) = (SipRegistrationState.Registered, null, _agent.Transactions.Time.GetUtcNow() + granted, null, 0);
                wait = RegistrationTimes.RefreshAfter(granted);
            }
            else
            {
                // A 2xx granting nothing means the registrar dropped our binding: worth another try, like a 5xx.
                var failure = response is { StatusCode: >= 300 } ? response : null;
                var refused = failure?.StatusCode is < 500 and not 408 or >= 600;
                LastError = localError ?? (failure is null ? "the registrar granted no time" : $"{failure.StatusCode} {failure.ReasonPhrase}");
                State = SipRegistrationState.Failed;
                refusal = refused ? _refusal = new SipCallFailedException(failure!.StatusCode, failure.ReasonPhrase) : null;
                wait = RegistrationTimes.RetryAfter(++_failures, refused, failure);
            }
            waiting = State == SipRegistrationState.Registered || refusal is not null ? _waiting : null;
            if (waiting is not null)
            {
                _waiting = null;
            }
        }
        if (refusal is null)
        {
            waiting?.TrySetResult();
        }
        else
        {
            waiting?.TrySetException(refusal);
        }
        UserAgentLog.Registration(_agent.Logger, Options.AddressOfRecord.Uri.ToString(), State, LastError);
        try
        {
            StateChanged?.Invoke(this);
        }
        catch (Exception e)
        {
            UserAgentLog.HandlerFailed(_agent.Logger, e);
        }
        return wait;
    }

    /// <summary>Stops refreshing and, when we were ever registered, asks the registrar to drop our binding (Expires: 0), waiting a few seconds at most.</summary>
    public async ValueTask DisposeAsync()
    {
        TaskCompletionSource? waiting;
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }
            _disposed = true;
            (waiting, _waiting) = (_waiting, null);
        }
        waiting?.TrySetException(new ObjectDisposedException(nameof(SipRegistration)));
        await _stop.CancelAsync();
        await _loop;
        if (ExpiresAt is not null)
        {
            using var bounded = new CancellationTokenSource(UnregisterWait, _agent.Transactions.Time);
            try
            {
                var (response, localError) = await ExchangeAsync(TimeSpan.Zero, bounded.Token);
                UserAgentLog.Unregistered(_agent.Logger, Options.AddressOfRecord.Uri.ToString(), localError ?? $"{response?.StatusCode} {response?.ReasonPhrase}");
            }
            catch (Exception e)
            {
                UserAgentLog.Unregistered(_agent.Logger, Options.AddressOfRecord.Uri.ToString(), e.Message);
            }
        }
        _agent.Forget(this);
        _stop.Dispose();
    }
}
