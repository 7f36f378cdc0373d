using System.Diagnostics;
using OpenTalk.Services.Recorder.Gst;

namespace OpenTalk.Services.Recorder;

public sealed partial class Mixer
{
    /// <summary>
    /// How much of a pause stays in the recording: frames still on their way through the mix when recording resumes
    /// were taken before that moment. Moved back by the whole pause they would come before the last recorded frame (or
    /// before zero), and vp8enc then discards every frame after them.
    /// </summary>
    private static readonly TimeSpan InFlight = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// Stops recording until <see cref="ResumeRecording"/>; live streaming goes on. The recording continues where it
    /// stopped: afterwards everything going to the encoders is moved back in time by the pauses so far, so the WebM
    /// has no gap (and no frozen picture) and segments keep their length.
    /// </summary>
    public void PauseRecording() => SetRecording(paused: true);

    public void ResumeRecording() => SetRecording(paused: false);

    private void SetRecording(bool paused)
    {
        lock (_lock)
        {
            if (_stopped || _recordingPaused == paused) return;
            _recordingPaused = paused;
            if (paused)
                _pausedAt = Stopwatch.GetTimestamp();
            else
            {
                // Wall time and running time are the same clock (the system's monotonic one), and frames that passed
                // before the pause are older than it: the running time stays monotonic.
                _pausedFor += Stopwatch.GetElapsedTime(_pausedAt);
                var shift = _pausedFor - InFlight;
                var offset = shift > TimeSpan.Zero ? -(long)shift.TotalNanoseconds : 0;
                foreach (var valve in new[] { MixGraph.RecordVideoValve, MixGraph.RecordAudioValve })
                {
                    using var element = _pipeline.Element(valve);
                    var src = Native.gst_element_get_static_pad(element.Handle, "src");
                    Native.gst_pad_set_offset(src, offset);
                    Native.gst_object_unref(src);
                }
            }
            var drop = paused ? "true" : "false";
            _pipeline.Set(MixGraph.RecordVideoValve, "drop", drop);
            _pipeline.Set(MixGraph.RecordAudioValve, "drop", drop);
        }
    }
}
