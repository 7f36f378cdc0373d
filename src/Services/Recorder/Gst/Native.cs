using System.Runtime.InteropServices;

namespace OpenTalk.Services.Recorder.Gst;

/// <summary>
/// The GStreamer 1.22 / GLib 2.74 functions the recorder calls (Debian 12 libraries), nothing else.
/// Pointers are <see cref="IntPtr"/>; strings going in are UTF-8; strings coming out stay <see cref="IntPtr"/>
/// (a generated string return would free const strings) and are read by <see cref="GstText"/>.
/// gboolean is a 4-byte int, GstClockTime nanoseconds. "full" = we unref/free it, "borrowed" = we must not.
/// </summary>
internal static unsafe partial class Native
{
    private const string Gst = "libgstreamer-1.0.so.0";
    private const string GstApp = "libgstapp-1.0.so.0";
    private const string GstVideo = "libgstvideo-1.0.so.0";
    private const string GObject = "libgobject-2.0.so.0";
    private const string GLib = "libglib-2.0.so.0";

    [LibraryImport(Gst)]
    [return: MarshalAs(UnmanagedType.Bool)]
    internal static partial bool gst_init_check(IntPtr argc, IntPtr argv, out IntPtr error);

    /// <summary>Floating; may return an element and set an error at once.</summary>
    [LibraryImport(Gst, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial IntPtr gst_parse_launch(string description, out IntPtr error);

    /// <summary>Floating. Always called with ghostUnlinkedPads false: true also ghosts textoverlay's text_sink, which
    /// then counts as linked and textoverlay waits for text forever.</summary>
    [LibraryImport(Gst, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial IntPtr gst_parse_bin_from_description(string description,
        [MarshalAs(UnmanagedType.Bool)] bool ghostUnlinkedPads, out IntPtr error);

    [LibraryImport(Gst)] internal static partial IntPtr gst_object_ref(IntPtr obj);
    [LibraryImport(Gst)] internal static partial IntPtr gst_object_ref_sink(IntPtr obj);
    [LibraryImport(Gst)] internal static partial void gst_object_unref(IntPtr obj);
    [LibraryImport(Gst)] internal static partial IntPtr gst_object_get_name(IntPtr obj); // full
    [LibraryImport(Gst)] internal static partial IntPtr gst_object_get_path_string(IntPtr obj); // full

    [LibraryImport(Gst, StringMarshalling = StringMarshalling.Utf8)]
    [return: MarshalAs(UnmanagedType.Bool)]
    internal static partial bool gst_object_set_name(IntPtr obj, string name);

    [LibraryImport(Gst)] internal static partial void gst_mini_object_unref(IntPtr miniObject);

    /// <summary>Any property from its text form; an unknown name only logs a warning.</summary>
    [LibraryImport(Gst, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial void gst_util_set_object_arg(IntPtr gobject, string name, string value);

    /// <summary>klass = the instance's first pointer. Returns the GParamSpec (borrowed) or 0.</summary>
    [LibraryImport(GObject, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial IntPtr g_object_class_find_property(IntPtr klass, string name);

    /// <summary>Takes a zeroed 24-byte GValue (GLib 2.60+ initialises it); release with g_value_unset.</summary>
    [LibraryImport(GObject, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial void g_object_get_property(IntPtr gobject, string name, IntPtr gvalue);

    [LibraryImport(GObject)] internal static partial IntPtr g_strdup_value_contents(IntPtr gvalue); // full
    [LibraryImport(GObject)] internal static partial void g_value_unset(IntPtr gvalue);

    /// <summary>Only for action signals without arguments or return value (splitmuxsink's <c>split-now</c>): the
    /// function is variadic, and with no variable arguments the fixed-argument call is the same.</summary>
    [LibraryImport(GObject, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial void g_signal_emit_by_name(IntPtr instance, string detailedSignal);

    [LibraryImport(Gst, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial IntPtr gst_bin_get_by_name(IntPtr bin, string name); // full, recursive

    [LibraryImport(Gst)]
    [return: MarshalAs(UnmanagedType.Bool)]
    internal static partial bool gst_bin_add(IntPtr bin, IntPtr element); // sinks a floating ref, else adds one

    [LibraryImport(Gst)]
    [return: MarshalAs(UnmanagedType.Bool)]
    internal static partial bool gst_bin_remove(IntPtr bin, IntPtr element);

    [LibraryImport(Gst)]
    [return: MarshalAs(UnmanagedType.Bool)]
    internal static partial bool gst_bin_recalculate_latency(IntPtr bin);

    [LibraryImport(Gst)] internal static partial int gst_element_set_state(IntPtr element, int state);
    [LibraryImport(Gst)] internal static partial int gst_element_get_state(IntPtr element, out int state, out int pending, ulong timeoutNs);

    [LibraryImport(Gst)]
    [return: MarshalAs(UnmanagedType.Bool)]
    internal static partial bool gst_element_sync_state_with_parent(IntPtr element);

    [LibraryImport(Gst, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial IntPtr gst_element_request_pad_simple(IntPtr element, string templateName); // full

    [LibraryImport(Gst)] internal static partial void gst_element_release_request_pad(IntPtr element, IntPtr pad);

    [LibraryImport(Gst, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial IntPtr gst_ghost_pad_new(string name, IntPtr target); // floating

    [LibraryImport(Gst)]
    [return: MarshalAs(UnmanagedType.Bool)]
    internal static partial bool gst_element_add_pad(IntPtr element, IntPtr pad); // sinks the pad

    [LibraryImport(Gst, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial IntPtr gst_element_get_static_pad(IntPtr element, string name); // full

    /// <summary>Shifts the running time of everything leaving (or entering) the pad by offset ns.</summary>
    [LibraryImport(Gst)] internal static partial void gst_pad_set_offset(IntPtr pad, long offset);

    [LibraryImport(Gst)] internal static partial int gst_pad_link(IntPtr src, IntPtr sink); // 0 = OK

    [LibraryImport(Gst)]
    [return: MarshalAs(UnmanagedType.Bool)]
    internal static partial bool gst_pad_unlink(IntPtr src, IntPtr sink);

    /// <summary>Takes the event.</summary>
    [LibraryImport(Gst)]
    [return: MarshalAs(UnmanagedType.Bool)]
    internal static partial bool gst_element_send_event(IntPtr element, IntPtr ev);

    [LibraryImport(Gst)] internal static partial IntPtr gst_event_new_eos();

    [LibraryImport(GstVideo)]
    internal static partial IntPtr gst_video_event_new_upstream_force_key_unit(ulong runningTime,
        [MarshalAs(UnmanagedType.Bool)] bool allHeaders, uint count);

    [LibraryImport(Gst)] internal static partial IntPtr gst_pipeline_get_bus(IntPtr pipeline); // full
    [LibraryImport(Gst)] internal static partial IntPtr gst_bus_timed_pop_filtered(IntPtr bus, ulong timeoutNs, int types); // full
    [LibraryImport(Gst)] internal static partial void gst_message_parse_error(IntPtr msg, out IntPtr gerror, out IntPtr debug); // both full
    [LibraryImport(Gst)] internal static partial IntPtr gst_message_get_structure(IntPtr msg); // borrowed
    [LibraryImport(Gst)] internal static partial IntPtr gst_structure_get_name(IntPtr structure); // borrowed

    [LibraryImport(Gst, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial IntPtr gst_structure_get_string(IntPtr structure, string field); // borrowed

    [LibraryImport(GLib)] internal static partial void g_error_free(IntPtr error);
    [LibraryImport(GLib)] internal static partial void g_free(IntPtr mem);

    [LibraryImport(Gst, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial IntPtr gst_caps_from_string(string caps); // full

    [LibraryImport(Gst)] internal static partial IntPtr gst_caps_to_string(IntPtr caps); // full
    [LibraryImport(Gst)] internal static partial void gst_caps_unref(IntPtr caps);

    [LibraryImport(Gst)] internal static partial IntPtr gst_sample_get_buffer(IntPtr sample); // borrowed
    [LibraryImport(Gst)] internal static partial IntPtr gst_sample_get_caps(IntPtr sample); // borrowed
    [LibraryImport(Gst)] internal static partial void gst_sample_unref(IntPtr sample);

    [LibraryImport(Gst)] internal static partial uint gst_buffer_get_flags(IntPtr buffer);

    [LibraryImport(Gst)]
    [return: MarshalAs(UnmanagedType.Bool)]
    internal static partial bool gst_buffer_map(IntPtr buffer, GstMapInfo* info, int flags);

    [LibraryImport(Gst)] internal static partial void gst_buffer_unmap(IntPtr buffer, GstMapInfo* info);
    [LibraryImport(Gst)] internal static partial IntPtr gst_buffer_new_memdup(byte* data, nuint size); // full

    [LibraryImport(GstApp)] internal static partial IntPtr gst_app_sink_try_pull_sample(IntPtr appsink, ulong timeoutNs); // full, 0 on timeout

    /// <summary>Also true before the appsink started.</summary>
    [LibraryImport(GstApp)]
    [return: MarshalAs(UnmanagedType.Bool)]
    internal static partial bool gst_app_sink_is_eos(IntPtr appsink);

    [LibraryImport(GstApp)] internal static partial void gst_app_src_set_caps(IntPtr appsrc, IntPtr caps); // caps not taken
    [LibraryImport(GstApp)] internal static partial int gst_app_src_push_buffer(IntPtr appsrc, IntPtr buffer); // takes the buffer
    [LibraryImport(GstApp)] internal static partial int gst_app_src_end_of_stream(IntPtr appsrc);
}
