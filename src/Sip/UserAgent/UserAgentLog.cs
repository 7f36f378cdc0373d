using Microsoft.Extensions.Logging;

namespace OpenTalk.Sip.UserAgent;

internal static partial class UserAgentLog
{
    [LoggerMessage(201, LogLevel.Information, "Incoming call {CallId} from {Caller}")]
    public static partial void IncomingCall(ILogger logger, string? callId, string? caller);

    [LoggerMessage(202, LogLevel.Information, "Call {CallId} cancelled: {Reason}")]
    public static partial void Cancelled(ILogger logger, string? callId, string reason);

    [LoggerMessage(203, LogLevel.Information, "Dialog {CallId} ended: {Reason}")]
    public static partial void DialogEnded(ILogger logger, string callId, SipDialogEndReason reason);

    [LoggerMessage(204, LogLevel.Debug, "Answered {Method} with {Status}")]
    public static partial void Answered(ILogger logger, string method, int status);

    [LoggerMessage(205, LogLevel.Warning, "A dialog handler threw")]
    public static partial void HandlerFailed(ILogger logger, Exception exception);

    [LoggerMessage(206, LogLevel.Warning, "Too many calls waiting to be taken: {CallId} refused with 486")]
    public static partial void TooManyCalls(ILogger logger, string? callId);

    [LoggerMessage(207, LogLevel.Information, "Calling {Target} ({CallId})")]
    public static partial void Calling(ILogger logger, string callId, string target);

    [LoggerMessage(208, LogLevel.Information, "Call {CallId} failed: {Reason}")]
    public static partial void CallFailed(ILogger logger, string callId, string reason);

    [LoggerMessage(209, LogLevel.Warning, "Dialog {CallId}: no address for {Uri}")]
    public static partial void NoRoute(ILogger logger, string callId, string uri);

    [LoggerMessage(210, LogLevel.Warning, "Sending outside a transaction failed: {Reason}")]
    public static partial void SendFailed(ILogger logger, string reason);

    [LoggerMessage(211, LogLevel.Information, "Registration of {AddressOfRecord}: {State} {Error}")]
    public static partial void Registration(ILogger logger, string addressOfRecord, SipRegistrationState state, string? error);

    [LoggerMessage(212, LogLevel.Information, "Unregistered {AddressOfRecord}: {Outcome}")]
    public static partial void Unregistered(ILogger logger, string addressOfRecord, string outcome);
}
