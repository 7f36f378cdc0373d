using System.Runtime.InteropServices;

namespace OpenTalk.Services.Recorder.Gst;

/// <summary>GstMapInfo of gstmemory.h: 104 bytes on x86_64, data at 16, size at 24 (checked by <see cref="GstRuntime.Init"/>).</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct GstMapInfo
{
    public IntPtr Memory;
    public int Flags;
    public byte* Data;
    public nuint Size;
    public nuint MaxSize;
    public fixed long UserData[4];
    public fixed long Reserved[4];
}

/// <summary>Enum values and struct offsets of GStreamer 1.22 on x86_64 (offsets printed from the C headers).</summary>
internal static class GstConst
{
    public const int StateNull = 1, StateReady = 2, StatePlaying = 4;
    public const int ChangeFailure = 0;
    public const int MsgEos = 1 << 0, MsgError = 1 << 1, MsgElement = 1 << 15, MsgLatency = 1 << 19;
    // GST_MINI_OBJECT_FLAG_LAST = 1 << 4
    public const uint BufferFlagHeader = 16u << 6, BufferFlagDeltaUnit = 16u << 9;
    public const int MapRead = 1;
    public const int FlowOk = 0;
    public const ulong ClockTimeNone = ulong.MaxValue;
    // GstMessage: GstMiniObject (64 bytes) | type @64 | timestamp @72 | src @80
    public const int MessageTypeOffset = 64, MessageSrcOffset = 80;
    // GError { GQuark domain; gint code; gchar *message; }
    public const int ErrorMessageOffset = 8;
}
