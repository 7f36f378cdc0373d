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
}
