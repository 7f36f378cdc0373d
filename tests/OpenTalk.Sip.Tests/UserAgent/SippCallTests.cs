using OpenTalk.Sip.UserAgent;

using OpenTalk.Tests.Shared;

namespace OpenTalk.Sip.Tests.UserAgent;

/// <summary>Real calls from sipp 3.6 on loopback against a user agent built on our API.</summary>
public sealed class SippCallTests
{
    [Theory]
    [InlineData("u1")]
    [InlineData("t1")]
    public async Task A_sipp_call_is_answered_and_ends_with_the_callers_bye(string transport)
    {
        await using var uas = new TestUas();
        var (exit, output) = await Sipp.RunAsync(uas.Port, transport, "uac");
        Assert.True(exit == 0, $"sipp exited with {exit}: {output}");
        var dialog = Assert.Single(uas.Dialogs);
        Assert.Equal(SipDialogEndReason.RemoteHangUp, await dialog.Ended.WaitAsync(TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task A_cancel_before_the_answer_gets_200_and_487_and_fires_the_calls_cancellation()
    {
        await using var uas = new TestUas();
        var (exit, output) = await Sipp.RunAsync(uas.Port, "u1", "uac_cancel.xml", user: "ring");
        Assert.True(exit == 0, $"sipp exited with {exit}: {output}");
        var call = await uas.Cancelled.Task.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.True(call.Cancelled.IsCancellationRequested);
        Assert.Equal("CANCEL", call.CancelReason);
    }

    [Theory]
    [InlineData("u1")]
    [InlineData("t1")]
    public async Task A_key_sent_as_info_arrives_and_our_bye_is_answered(string transport)
    {
        await using var uas = new TestUas();
        var (exit, output) = await Sipp.RunAsync(uas.Port, transport, "uac_info_then_bye.xml", user: "dtmf-hangup");
        Assert.True(exit == 0, $"sipp exited with {exit}: {output}");
        Assert.Equal(['5'], uas.Keys);
        var byeAnswer = await uas.HungUp.Task.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(200, byeAnswer?.StatusCode);
        Assert.Equal(SipDialogEndReason.LocalHangUp, await Assert.Single(uas.Dialogs).Ended);
    }
}
