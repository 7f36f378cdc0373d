using OpenTalk.Services.Recorder;

namespace OpenTalk.Services.Tests.Recorder;

public sealed class LayoutPlannerTests
{
    private static readonly InputId A = new("a"), B = new("b"), C = new("c"), D = new("d"), E = new("e");

    [Fact]
    public void Nobody_gets_no_tiles()
    {
        Assert.Empty(LayoutPlanner.Plan(new Layout.Grid(), [], 1280, 720));
    }

    [Fact]
    public void One_input_fills_the_canvas_in_every_layout()
    {
        var full = new Tile(0, 0, 1280, 720);
        Assert.Equal(full, LayoutPlanner.Plan(new Layout.Grid(), [A], 1280, 720)[A]);
        Assert.Equal(full, LayoutPlanner.Plan(new Layout.Speaker(A), [A], 1280, 720)[A]);
        Assert.Equal(full, LayoutPlanner.Plan(new Layout.Speaker(), [A], 1280, 720)[A]);
    }

    [Fact]
    public void Grid_of_two_puts_them_side_by_side_vertically_centred()
    {
        var tiles = LayoutPlanner.Plan(new Layout.Grid(), [A, B], 1280, 720);
        Assert.Equal(new Tile(0, 180, 640, 360), tiles[A]);
        Assert.Equal(new Tile(640, 180, 640, 360), tiles[B]);
    }

    [Fact]
    public void Grid_has_ceil_sqrt_n_columns()
    {
        var five = LayoutPlanner.Plan(new Layout.Grid(), [A, B, C, D, E], 1280, 720);
        Assert.Equal(3, five.Values.Select(t => t.X).Distinct().Count());
        Assert.Equal(2, five.Values.Select(t => t.Y).Distinct().Count());
        var four = LayoutPlanner.Plan(new Layout.Grid(), [A, B, C, D], 1280, 720);
        Assert.Equal(new Tile(0, 0, 640, 360), four[A]);
        Assert.Equal(new Tile(640, 360, 640, 360), four[D]);
    }

    [Fact]
    public void Speaker_shows_the_focus_large_and_the_others_in_a_strip_below()
    {
        var tiles = LayoutPlanner.Plan(new Layout.Speaker(Focus: B), [A, B, C], 1280, 720);
        var main = tiles[B];
        Assert.Equal(576, main.Height); // all above the strip (720 - 720/5)
        Assert.Equal(0, main.Y);
        foreach (var other in new[] { tiles[A], tiles[C] })
        {
            Assert.Equal(144, other.Height);
            Assert.True(other.Y >= main.Y + main.Height);
        }
        Assert.True(tiles[A].X + tiles[A].Width <= tiles[C].X, "the strip keeps the joining order");
    }

    [Fact]
    public void Speaker_without_a_focus_or_with_one_that_left_shows_the_first_input_large()
    {
        Assert.Equal(576, LayoutPlanner.Plan(new Layout.Speaker(), [A, B], 1280, 720)[A].Height);
        Assert.Equal(576, LayoutPlanner.Plan(new Layout.Speaker(Focus: E), [A, B], 1280, 720)[A].Height);
    }

    [Fact]
    public void A_screen_share_takes_the_main_area_over_the_focus_and_in_the_grid()
    {
        var speaker = LayoutPlanner.Plan(new Layout.Speaker(Focus: A, Screen: C), [A, B, C], 1280, 720);
        Assert.Equal(576, speaker[C].Height);
        Assert.Equal(144, speaker[A].Height);
        var grid = LayoutPlanner.Plan(new Layout.Grid(Screen: C), [A, B, C], 1280, 720);
        Assert.Equal(speaker[C], grid[C]);
    }

    [Fact]
    public void A_crowded_strip_shrinks_its_tiles_to_fit_the_width()
    {
        var many = Enumerable.Range(0, 12).Select(i => new InputId("p" + i)).ToList();
        var tiles = LayoutPlanner.Plan(new Layout.Speaker(), many, 1280, 720);
        Assert.All(many.Skip(1), id => Assert.InRange(tiles[id].X + tiles[id].Width, 0, 1280));
        Assert.Equal(11, many.Skip(1).Select(id => tiles[id].X).Distinct().Count());
    }

    [Fact]
    public void Tiles_are_even_and_inside_the_canvas()
    {
        for (var n = 1; n <= 10; n++)
        {
            var inputs = Enumerable.Range(0, n).Select(i => new InputId("p" + i)).ToList();
            foreach (var layout in new Layout[] { new Layout.Grid(), new Layout.Speaker(inputs[^1]) })
                foreach (var t in LayoutPlanner.Plan(layout, inputs, 1000, 562).Values)
                {
                    Assert.True(t.X % 2 == 0 && t.Y % 2 == 0 && t.Width % 2 == 0 && t.Height % 2 == 0, $"{t} is not even");
                    Assert.True(t.X >= 0 && t.Y >= 0 && t.X + t.Width <= 1000 && t.Y + t.Height <= 562, $"{t} leaves the canvas");
                    Assert.True(t.Width > 0 && t.Height > 0);
                }
        }
    }
}
