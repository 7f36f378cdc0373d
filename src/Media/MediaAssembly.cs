namespace OpenTalk.Media;

/// <summary>Marker for the media assembly; the media actors arrive with their issue.</summary>
public static class MediaAssembly;
