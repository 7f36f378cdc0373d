using System.Runtime.InteropServices;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using static OpenTalk.Services.Recorder.Gst.Native;

namespace OpenTalk.Services.Recorder.Gst;

/// <summary>An ERROR on a pipeline's bus; <see cref="SourcePath"/> names the element (and the bins around it).</summary>
public sealed record GstError(string Source, string SourcePath, string Message, string? Debug);

/// <summary>An element message, e.g. splitmuxsink's "splitmuxsink-fragment-closed" with its location.</summary>
public sealed record GstElementMessage(string Name, string Source, string? Location);

/// <summary>
/// A pipeline we own, built from a launch line, with one thread popping its bus (no GMainLoop, no callbacks from
/// GStreamer into managed code). Events are raised on that thread, never on a streaming thread.
/// </summary>
internal sealed partial class GstPipeline : IDisposable
{
    private const int BusMask = GstConst.MsgEos | GstConst.MsgError | GstConst.MsgElement | GstConst.MsgLatency;

    private readonly IntPtr _bus;
    private readonly Thread _busThread;
    private readonly ILogger _log;
    private IntPtr _handle;
    private volatile bool _stopping;

    private GstPipeline(IntPtr handle, string label, ILogger log)
    {
        _handle = handle;
        _log = log;
        Label = label;
        _bus = gst_pipeline_get_bus(handle);
        _busThread = new Thread(BusLoop) { IsBackground = true, Name = "gst-bus " + label };
        _busThread.Start();
    }

    public string Label { get; }

    public IntPtr Handle => _handle != IntPtr.Zero ? _handle : throw new ObjectDisposedException(Label);

    /// <summary>Set when EOS could not be handed over in time: the pipeline is then left alone (see <see cref="SendEos"/>).</summary>
    public bool Stuck { get; private set; }

    public event Action<GstError>? Error;

    public event Action? EndOfStream;

    public event Action<GstElementMessage>? ElementMessage;

    public static GstPipeline Parse(string description, string label, ILogger? log = null)
    {
        GstRuntime.Init();
        var pipeline = gst_parse_launch(description, out var error);
        if (error != IntPtr.Zero)
        {
            var text = GstText.TakeError(error);
            if (pipeline != IntPtr.Zero) gst_object_unref(gst_object_ref_sink(pipeline));
            throw new GstException($"{label}: {text}");
        }
        if (pipeline == IntPtr.Zero) throw new GstException($"{label}: the launch line gave no pipeline");
        return new GstPipeline(gst_object_ref_sink(pipeline), label, log ?? NullLogger.Instance);
    }

    public GstRef Element(string name) => GstRef.Own(gst_bin_get_by_name(Handle, name), $"element '{name}' in {Label}");

    public void Set(string element, string property, string value)
    {
        using var e = Element(element);
        e.Set(property, value);
    }

    public void Play()
    {
        if (gst_element_set_state(Handle, GstConst.StatePlaying) == GstConst.ChangeFailure)
            throw new GstException($"{Label} did not start playing");
    }

    /// <summary>
    /// Sending EOS to a pipeline holds its state lock while it takes every source's stream lock: one stuck streaming
    /// thread would block the caller for good. So it runs on its own thread; false = not handed over in time, the
    /// pipeline is marked stuck and never touched again (its process should end and the job be retried).
    /// </summary>
    public bool SendEos(TimeSpan timeout)
    {
        var handle = gst_object_ref(Handle);
        var sender = new Thread(() =>
        {
            gst_element_send_event(handle, gst_event_new_eos());
            gst_object_unref(handle);
        }) { IsBackground = true, Name = "gst-eos " + Label };
        sender.Start();
        if (sender.Join(timeout)) return true;
        Stuck = true;
        return false;
    }

    private void BusLoop()
    {
        while (!_stopping)
        {
            var msg = gst_bus_timed_pop_filtered(_bus, 100_000_000, BusMask);
            if (msg == IntPtr.Zero) continue;
            try
            {
                Dispatch(msg);
            }
            catch (Exception e)
            {
                LogHandlerFailed(_log, e, Label);
            }
            finally
            {
                gst_mini_object_unref(msg);
            }
        }
    }

    private void Dispatch(IntPtr msg)
    {
        var type = Marshal.ReadInt32(msg, GstConst.MessageTypeOffset);
        var src = Marshal.ReadIntPtr(msg, GstConst.MessageSrcOffset); // borrowed while the message lives
        var source = src == IntPtr.Zero ? "" : GstText.Take(gst_object_get_name(src)) ?? "";
        switch (type)
        {
            case GstConst.MsgError:
                gst_message_parse_error(msg, out var gerror, out var debug);
                var path = src == IntPtr.Zero ? "" : GstText.Take(gst_object_get_path_string(src)) ?? "";
                var error = new GstError(source, path, GstText.TakeError(gerror), GstText.Take(debug));
                LogError(_log, Label, error.SourcePath, error.Message);
                Error?.Invoke(error);
                break;
            case GstConst.MsgEos:
                EndOfStream?.Invoke();
                break;
            case GstConst.MsgElement:
                var s = gst_message_get_structure(msg);
                if (s == IntPtr.Zero) return;
                var name = GstText.Borrow(gst_structure_get_name(s)) ?? "";
                ElementMessage?.Invoke(new GstElementMessage(name, source, GstText.Borrow(gst_structure_get_string(s, "location"))));
                break;
            case GstConst.MsgLatency:
                // An input with a jitter buffer came or went: share out the latency again, as gst-launch does. It takes
                // the pipeline's state lock, so not on this thread (a blocked state change would stop all reporting).
                var pipeline = gst_object_ref(Handle);
                ThreadPool.QueueUserWorkItem(_ =>
                {
                    gst_bin_recalculate_latency(pipeline);
                    gst_object_unref(pipeline);
                });
                break;
        }
    }

    public void Dispose()
    {
        var handle = _handle;
        if (handle == IntPtr.Zero) return;
        _stopping = true;
        if (Stuck) return; // set_state would block on the lock the stuck thread holds: leak it instead
        _ = gst_element_set_state(handle, GstConst.StateNull);
        if (Thread.CurrentThread != _busThread) _busThread.Join();
        _handle = IntPtr.Zero;
        gst_object_unref(_bus);
        gst_object_unref(handle);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Pipeline}: error from {Source}: {Text}")]
    private static partial void LogError(ILogger log, string pipeline, string source, string text);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Pipeline}: a bus handler failed")]
    private static partial void LogHandlerFailed(ILogger log, Exception e, string pipeline);
}
