namespace OpenTalk.Media.Tests;

public sealed class PublisherPlacementTests
{
    private static MediaServerStatus Up(string name, int publishers) => new(name, true, publishers, 0);

    [Fact]
    public void A_load_report_read_before_the_publisher_joined_does_not_send_the_next_one_to_the_same_instance()
    {
        var placement = new PublisherPlacement(["a", "b"]);
        placement.Report(Up("a", 0));
        placement.Report(Up("b", 0));

        Assert.Equal("a", placement.Pick());
        placement.Report(Up("a", 0)); // read while the first publisher's browser was still answering
        Assert.Equal("b", placement.Pick());
    }

    [Fact]
    public void Once_janus_counts_the_publisher_the_placement_is_not_counted_again()
    {
        var placement = new PublisherPlacement(["a", "b"]);
        placement.Report(Up("a", 0));
        placement.Report(Up("b", 0));
        Assert.Equal("a", placement.Pick());
        placement.Report(Up("a", 1));
        placement.Report(Up("a", 1));
        placement.Report(Up("b", 1));

        Assert.Equal("a", placement.Pick()); // 1 against 1: by name, not 2 against 1
    }

    [Fact]
    public void Instances_that_are_down_or_never_reported_get_nobody()
    {
        var placement = new PublisherPlacement(["a", "b"]);
        Assert.Null(placement.Pick());
        placement.Report(Up("b", 5));
        placement.Report(new MediaServerStatus("a", false, 0, 0));

        Assert.Equal("b", placement.Pick());
        Assert.False(placement.IsUp("a"));
    }
}
