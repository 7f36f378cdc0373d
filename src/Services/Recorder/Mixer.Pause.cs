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

    /// <summary>
    /// Closes the segment being written at the next frame, which is made a keyframe, while the mix goes on (for live
    /// streams): the recording so far is then whole in the closed segments (<see cref="SegmentClosed"/> names the last
    /// one) and can be stored before the session ends. Pause it once the segment closed: with nothing flowing to the
    /// muxer, splitmuxsink would wait for data to close it.
    /// </summary>
    public void CutRecording()
    {
        lock (_lock)
        {
            if (_stopped || _recordingPaused) return;
            using (var segments = _pipeline.Element(MixGraph.Segments))
                Native.g_signal_emit_by_name(segments.Handle, "split-now");
            using var encoder = _pipeline.Element(MixGraph.RecordVideoEncoder);
            Native.gst_element_send_event(encoder.Handle, Native.gst_video_event_new_upstream_force_key_unit(GstConst.ClockTimeNone, true, 0));
        }
    }

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
