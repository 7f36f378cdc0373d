using System.Globalization;
using System.Runtime.InteropServices;
using static OpenTalk.Services.Recorder.Gst.Native;

namespace OpenTalk.Services.Recorder.Gst;

public sealed class GstException(string message) : Exception(message);

/// <summary>Process-wide initialisation and the property helpers that work on any GObject.</summary>
internal static unsafe class GstRuntime
{
    private static readonly Lock InitLock = new();
    private static bool _initialised;

    public static void Init()
    {
        lock (InitLock)
        {
            if (_initialised) return;
            if (!gst_init_check(IntPtr.Zero, IntPtr.Zero, out var error))
                throw new GstException("GStreamer did not initialise: " + GstText.TakeError(error));
            // The layouts below are written by hand; a different GStreamer build must not be read wrongly.
            if (sizeof(GstMapInfo) != 104 || Marshal.OffsetOf<GstMapInfo>(nameof(GstMapInfo.Data)) != 16)
                throw new GstException("GstMapInfo layout differs from GStreamer 1.22 on x86_64");
            _initialised = true;
        }
    }

    public static bool HasProperty(IntPtr gobject, string name)
        => g_object_class_find_property(Marshal.ReadIntPtr(gobject), name) != IntPtr.Zero;

    /// <summary>Sets a property from its text form; throws on an unknown name (GStreamer would only warn).</summary>
    public static void Set(IntPtr gobject, string name, string value)
    {
        if (!HasProperty(gobject, name)) throw new GstException($"no property '{name}'");
        gst_util_set_object_arg(gobject, name, value);
    }

    public static void Set(IntPtr gobject, string name, int value) => Set(gobject, name, value.ToString(CultureInfo.InvariantCulture));

    /// <summary>A string property taken as it is: quoted, so a value starting with a quote is not unwrapped.</summary>
    public static void SetString(IntPtr gobject, string name, string value) => Set(gobject, name, GstText.Quote(value));

    /// <summary>Any property as text (structures come back serialised).</summary>
    public static string? Get(IntPtr gobject, string name)
    {
        if (!HasProperty(gobject, name)) throw new GstException($"no property '{name}'");
        var gvalue = stackalloc long[3]; // a GValue: 24 bytes, zeroed
        gvalue[0] = gvalue[1] = gvalue[2] = 0;
        g_object_get_property(gobject, name, (IntPtr)gvalue);
        var text = GstText.Take(g_strdup_value_contents((IntPtr)gvalue));
        g_value_unset((IntPtr)gvalue);
        return text;
    }
}

internal static class GstText
{
    /// <summary>Copies a C string the caller keeps (const).</summary>
    public static string? Borrow(IntPtr p) => p == IntPtr.Zero ? null : Marshal.PtrToStringUTF8(p);

    /// <summary>Copies and frees a C string handed to us.</summary>
    public static string? Take(IntPtr p)
    {
        var s = Borrow(p);
        if (p != IntPtr.Zero) g_free(p);
        return s;
    }

    /// <summary>The message of a GError, which is freed.</summary>
    public static string TakeError(IntPtr gerror)
    {
        if (gerror == IntPtr.Zero) return "";
        var text = Borrow(Marshal.ReadIntPtr(gerror, GstConst.ErrorMessageOffset)) ?? "";
        g_error_free(gerror);
        return text;
    }

    /// <summary>A string in GStreamer's serialised form ("…" with \ escapes), safe inside a launch line too.</summary>
    public static string Quote(string value) => "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
