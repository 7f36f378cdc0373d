namespace OpenTalk.Services.Recorder;

/// <summary>
/// Places the video inputs on the canvas; pure, so every layout is tested without GStreamer. Tiles keep 16:9 inside
/// their cell (the input is letterboxed into the tile) and have even sizes and positions (I420 chroma is halved).
/// </summary>
public static class LayoutPlanner
{
    /// <summary>The strip under the main area is this part of the canvas height.</summary>
    private const int StripDivisor = 5;

    /// <param name="inputs">The video inputs in the order they joined.</param>
    public static IReadOnlyDictionary<InputId, Tile> Plan(Layout layout, IReadOnlyList<InputId> inputs, int width, int height)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 16);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 16);
        if (inputs.Count == 0) return new Dictionary<InputId, Tile>();
        var screen = layout switch
        {
            Layout.Speaker s => s.Screen,
            Layout.Grid g => g.Screen,
            _ => null,
        };
        if (screen is { } shared && inputs.Contains(shared)) return MainAndStrip(shared, inputs, width, height);
        return layout switch
        {
            Layout.Speaker s => MainAndStrip(s.Focus is { } f && inputs.Contains(f) ? f : inputs[0], inputs, width, height),
            _ => Grid(inputs, width, height),
        };
    }

    private static Dictionary<InputId, Tile> Grid(IReadOnlyList<InputId> inputs, int width, int height)
    {
        var columns = (int)Math.Ceiling(Math.Sqrt(inputs.Count));
        var rows = (inputs.Count + columns - 1) / columns;
        int cellWidth = width / columns, cellHeight = height / rows;
        var tiles = new Dictionary<InputId, Tile>();
        for (var i = 0; i < inputs.Count; i++)
            tiles[inputs[i]] = Fit(i % columns * cellWidth, i / columns * cellHeight, cellWidth, cellHeight);
        return tiles;
    }

    private static Dictionary<InputId, Tile> MainAndStrip(InputId main, IReadOnlyList<InputId> inputs, int width, int height)
    {
        var others = inputs.Where(i => i != main).ToList();
        if (others.Count == 0) return new Dictionary<InputId, Tile> { [main] = Fit(0, 0, width, height) };
        var stripHeight = height / StripDivisor;
        var tiles = new Dictionary<InputId, Tile> { [main] = Fit(0, 0, width, height - stripHeight) };
        // Strip tiles as high as the strip, narrower when too many to fit side by side; centred as a row.
        var cellWidth = Math.Min(stripHeight * 16 / 9, width / others.Count);
        var left = (width - cellWidth * others.Count) / 2;
        for (var i = 0; i < others.Count; i++)
            tiles[others[i]] = Fit(left + i * cellWidth, height - stripHeight, cellWidth, stripHeight);
        return tiles;
    }

    /// <summary>The largest 16:9 tile centred in the cell.</summary>
    private static Tile Fit(int x, int y, int cellWidth, int cellHeight)
    {
        int w = cellWidth, h = cellWidth * 9 / 16;
        if (h > cellHeight)
        {
            h = cellHeight;
            w = cellHeight * 16 / 9;
        }
        w = Even(w);
        h = Even(h);
        return new Tile(Even(x + (cellWidth - w) / 2), Even(y + (cellHeight - h) / 2), w, h);
    }

    private static int Even(int value) => value & ~1;
}
