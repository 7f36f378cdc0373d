using OpenTalk.Services.Recorder.Gst;
using static OpenTalk.Services.Recorder.Gst.Native;

namespace OpenTalk.Services.Recorder;

/// <summary>
/// One input stream inside the mix: a bin (udpsrc … queue, ghost "src" pad) linked to a request pad of the compositor
/// or the audio mixer, added and removed while the mix plays.
/// </summary>
internal sealed class MixBranch
{
    private readonly GstRef _bin;
    private readonly GstRef _mixerPad;
    private readonly GstRef _mixer;
    private Tile? _tile;

    private MixBranch(string name, GstRef bin, GstRef mixer, GstRef mixerPad)
    {
        Name = name;
        _bin = bin;
        _mixer = mixer;
        _mixerPad = mixerPad;
    }

    /// <summary>The bin's name; error messages from inside carry it in their source path.</summary>
    public string Name { get; }

    public static MixBranch Add(GstPipeline pipeline, string mixerName, string name, string description, Action<GstRef>? configure)
    {
        var bin = gst_parse_bin_from_description(description, false, out var error);
        if (error != IntPtr.Zero)
        {
            var text = GstText.TakeError(error);
            if (bin != IntPtr.Zero) gst_object_unref(gst_object_ref_sink(bin));
            throw new GstException($"input {name}: {text}");
        }
        var binRef = GstRef.Own(gst_object_ref_sink(bin), name); // ours, for the removal; the pipeline takes its own
        GstRef? mixer = null;
        MixBranch? branch = null;
        var inPipeline = false;
        try
        {
            gst_object_set_name(binRef.Handle, name);
            // Only the branch output is ghosted (see Native.gst_parse_bin_from_description).
            using (var last = binRef.Child(MixGraph.Out))
            {
                var lastSrc = gst_element_get_static_pad(last.Handle, "src");
                var ghosted = gst_element_add_pad(binRef.Handle, gst_ghost_pad_new("src", lastSrc));
                gst_object_unref(lastSrc);
                if (!ghosted) throw new GstException($"input {name}: no ghost pad");
            }
            configure?.Invoke(binRef);
            // READY while still on its own: udpsrc binds its port here. A branch failing this inside the playing
            // pipeline (port taken) was seen to stall the whole mix at its next EOS.
            if (gst_element_set_state(binRef.Handle, GstConst.StateReady) == GstConst.ChangeFailure)
                throw new GstException($"input {name} did not start (is its UDP port taken?)");
            inPipeline = gst_bin_add(pipeline.Handle, binRef.Handle);
            if (!inPipeline) throw new GstException($"input {name}: not added");
            mixer = pipeline.Element(mixerName);
            var pad = GstRef.Own(gst_element_request_pad_simple(mixer.Handle, "sink_%u"), $"input {name}: mixer pad");
            branch = new MixBranch(name, binRef, mixer, pad);
            var src = gst_element_get_static_pad(binRef.Handle, "src");
            var link = gst_pad_link(src, pad.Handle);
            gst_object_unref(src);
            if (link != 0) throw new GstException($"input {name}: link failed ({link})");
            if (!gst_element_sync_state_with_parent(binRef.Handle)) throw new GstException($"input {name} did not start");
            return branch;
        }
        catch
        {
            if (branch is not null) branch.Remove(pipeline);
            else
            {
                _ = gst_element_set_state(binRef.Handle, GstConst.StateNull);
                if (inPipeline) gst_bin_remove(pipeline.Handle, binRef.Handle);
                mixer?.Dispose();
                binRef.Dispose();
            }
            throw;
        }
    }

    public void Place(Tile tile)
    {
        if (tile == _tile) return; // new caps would renegotiate the branch for nothing
        _tile = tile;
        // The capsfilter scales upstream so the name is drawn at the final size; the pad places it.
        using (var scale = _bin.Child(MixGraph.Scale)) scale.Set("caps", MixGraph.TileCaps(tile));
        var pad = _mixerPad;
        pad.Set("xpos", tile.X);
        pad.Set("ypos", tile.Y);
        pad.Set("width", tile.Width);
        pad.Set("height", tile.Height);
        pad.Set("zorder", tile.Z);
    }

    /// <summary>Stops the branch, then unlinks it and gives the mixer pad back. The live aggregator keeps consuming
    /// meanwhile, so the branch's queue thread cannot stay blocked.</summary>
    public void Remove(GstPipeline pipeline)
    {
        _ = gst_element_set_state(_bin.Handle, GstConst.StateNull);
        gst_element_get_state(_bin.Handle, out _, out _, 2_000_000_000);
        var src = gst_element_get_static_pad(_bin.Handle, "src");
        gst_pad_unlink(src, _mixerPad.Handle);
        gst_object_unref(src);
        gst_element_release_request_pad(_mixer.Handle, _mixerPad.Handle);
        gst_bin_remove(pipeline.Handle, _bin.Handle);
        Release();
    }

    /// <summary>Drops our references only (the pipeline is going away as a whole).</summary>
    public void Release()
    {
        _mixerPad.Dispose();
        _mixer.Dispose();
        _bin.Dispose();
    }
}
