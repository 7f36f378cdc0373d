using Akka.Actor;
using Akka.Cluster.Sharding;
using Akka.TestKit.Xunit2;
using OpenTalk.Actors.Sharding;

namespace OpenTalk.Actors.Tests;

/// <summary>
/// What a node sends to meetings while it drains: to the region until it has handed its meetings off and stopped, then
/// through a proxy to their new homes. Nothing sent in between is lost, and every sender still gets its answer.
/// </summary>
public class MeetingRouteTests : TestKit
{
    private sealed record ForAMeeting(int Number);

    [Fact]
    public async Task Messages_go_to_the_region_until_it_has_handed_off_then_to_the_proxy_and_none_is_lost_in_between()
    {
        var region = CreateTestProbe();
        var proxy = CreateTestProbe();
        var proxyAskedFor = new TaskCompletionSource();
        var proxyStarted = new TaskCompletionSource<IActorRef>();
        var route = Sys.ActorOf(MeetingRoute.Props(Task.FromResult(region.Ref), () =>
        {
            proxyAskedFor.SetResult();
            return proxyStarted.Task;
        }));
        var sender = CreateTestProbe();

        route.Tell(new ForAMeeting(1), sender.Ref);
        region.ExpectMsg(new ForAMeeting(1));
        Assert.Equal(sender.Ref, region.LastSender);

        // A drain: the region hands its meetings off, and takes messages until it has stopped.
        var drain = CreateTestProbe();
        route.Tell(MeetingRoute.HandOff.Instance, drain.Ref);
        region.ExpectMsg<GracefulShutdown>();
        route.Tell(new ForAMeeting(2), sender.Ref);
        region.ExpectMsg(new ForAMeeting(2));
        drain.ExpectNoMsg(TimeSpan.FromMilliseconds(200));

        // The region is gone; what comes while the proxy starts waits for it (it went nowhere before).
        Sys.Stop(region.Ref);
        await proxyAskedFor.Task.WaitAsync(TimeSpan.FromSeconds(3));
        route.Tell(new ForAMeeting(3), sender.Ref);
        proxy.ExpectNoMsg(TimeSpan.FromMilliseconds(200));
        proxyStarted.SetResult(proxy.Ref);
        proxy.ExpectMsg(new ForAMeeting(3));
        Assert.Equal(sender.Ref, proxy.LastSender);
        drain.ExpectMsg<MeetingRoute.HandedOff>();

        route.Tell(new ForAMeeting(4), sender.Ref);
        proxy.ExpectMsg(new ForAMeeting(4));
        Assert.Equal(sender.Ref, proxy.LastSender);
        route.Tell(MeetingRoute.HandOff.Instance, drain.Ref);
        drain.ExpectMsg<MeetingRoute.HandedOff>();
    }

    [Fact]
    public void Messages_sent_before_the_region_has_started_reach_it_once_it_has()
    {
        var region = CreateTestProbe();
        var registered = new TaskCompletionSource<IActorRef>();
        var route = Sys.ActorOf(MeetingRoute.Props(registered.Task, () => Task.FromResult<IActorRef>(ActorRefs.Nobody)));

        route.Tell(new ForAMeeting(1), TestActor);
        region.ExpectNoMsg(TimeSpan.FromMilliseconds(200));
        registered.SetResult(region.Ref);
        region.ExpectMsg(new ForAMeeting(1));
        Assert.Equal(TestActor, region.LastSender);
    }
}
