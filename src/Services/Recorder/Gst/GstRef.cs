using static OpenTalk.Services.Recorder.Gst.Native;

namespace OpenTalk.Services.Recorder.Gst;

/// <summary>One reference we own to a GstObject (element, bin, pad); disposing drops it.</summary>
internal sealed class GstRef : IDisposable
{
    private IntPtr _handle;

    private GstRef(IntPtr handle) => _handle = handle;

    public IntPtr Handle => _handle != IntPtr.Zero ? _handle : throw new ObjectDisposedException(nameof(GstRef));

    /// <summary>Wraps a "transfer full" pointer without taking another reference.</summary>
    public static GstRef Own(IntPtr handle, string what) =>
        handle == IntPtr.Zero ? throw new GstException(what + ": not found") : new GstRef(handle);

    public string? Name => GstText.Take(gst_object_get_name(Handle));

    public void Set(string property, string value) => GstRuntime.Set(Handle, property, value);

    public void Set(string property, int value) => GstRuntime.Set(Handle, property, value);

    public string? Get(string property) => GstRuntime.Get(Handle, property);

    public GstRef Child(string name) => Own(gst_bin_get_by_name(Handle, name), $"element '{name}'");

    public void Dispose()
    {
        var handle = Interlocked.Exchange(ref _handle, IntPtr.Zero);
        if (handle != IntPtr.Zero) gst_object_unref(handle);
    }
}
