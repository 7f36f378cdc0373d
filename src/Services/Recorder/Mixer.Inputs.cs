using OpenTalk.Services.Recorder.Gst;

namespace OpenTalk.Services.Recorder;

public sealed partial class Mixer
{
    /// <param name="name">Drawn under the input's tile.</param>
    public void AddInput(InputId id, string name, RtpInput? video, RtpInput? audio)
    {
        if (video is null && audio is null) throw new ArgumentException("an input needs video or audio");
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_stopped, this);
            if (_inputs.ContainsKey(id)) throw new InvalidOperationException($"input {id} is in the mix already");
            MixBranch? v = null, a = null;
            try
            {
                if (video is not null)
                {
                    var placeholder = new Tile(0, 0, 320, 180);
                    v = MixBranch.Add(_pipeline, MixGraph.Compositor, $"in{++_branches}_v", MixGraph.Video(video, _settings.RtpAddress, placeholder),
                        bin =>
                        {
                            using var label = bin.Child(MixGraph.Label);
                            GstRuntime.SetString(label.Handle, "text", MixGraph.Markup(name));
                        });
                }
                if (audio is not null)
                    a = MixBranch.Add(_pipeline, MixGraph.AudioMixer, $"in{++_branches}_a", MixGraph.Audio(audio, _settings.RtpAddress), null);
            }
            catch
            {
                v?.Remove(_pipeline);
                throw;
            }
            _inputs[id] = (v, a);
            if (v is not null) _videoOrder.Add(id);
            Relayout();
        }
    }

    public void RemoveInput(InputId id)
    {
        lock (_lock)
        {
            if (_stopped || !_inputs.Remove(id, out var branches)) return;
            _videoOrder.Remove(id);
            branches.Video?.Remove(_pipeline);
            branches.Audio?.Remove(_pipeline);
            Relayout();
        }
    }

    public void SetLayout(Layout layout)
    {
        lock (_lock)
        {
            _layout = layout;
            if (!_stopped) Relayout();
        }
    }

    private void Relayout()
    {
        var tiles = LayoutPlanner.Plan(_layout, _videoOrder, _settings.Width, _settings.Height);
        foreach (var (id, tile) in tiles)
            _inputs[id].Video?.Place(tile);
    }
}
