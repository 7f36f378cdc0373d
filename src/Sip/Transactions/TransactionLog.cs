using Microsoft.Extensions.Logging;
using OpenTalk.Sip.Transport;

namespace OpenTalk.Sip.Transactions;

internal static partial class TransactionLog
{
    [LoggerMessage(101, LogLevel.Debug, "Transaction {Key} ended")]
    public static partial void Terminated(ILogger logger, string key);

    [LoggerMessage(102, LogLevel.Information, "Transaction {Key}: no ACK for the failure response (Timer H)")]
    public static partial void NoAck(ILogger logger, string key);

    [LoggerMessage(103, LogLevel.Warning, "Transaction {Key}: sending to {Remote} failed")]
    public static partial void SendFailed(ILogger logger, Exception exception, string key, SipRemote remote);

    [LoggerMessage(104, LogLevel.Debug, "Dropped a response no transaction matches: {Status} {Method}")]
    public static partial void StrayResponse(ILogger logger, int status, string? method);

    [LoggerMessage(105, LogLevel.Debug, "Dropped a request without a usable top Via or CSeq from {Remote}")]
    public static partial void Unmatchable(ILogger logger, SipRemote remote);
}
