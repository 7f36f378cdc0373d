namespace OpenTalk.Projections;

/// <summary>Marker for the projections assembly; the read models arrive with their issue.</summary>
public static class ProjectionsAssembly;
