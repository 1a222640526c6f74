using HierCore.Engine.Contracts;
using HierCore.Engine.Features;

namespace HierCore.Lab.Data;

/// <summary>Stored as text (max 16 characters): a new kind needs no migration.</summary>
public enum ArtifactKind { AnomalyMap, ScoresCsv, Model }

/// <summary>
/// A file a run produced. RelativePath is its address under /artifacts/ (relative to the data directory); its bytes
/// are a file there (SQLite) or an <see cref="ArtifactBlob"/> row (PostgreSQL), see Jobs/IArtifactStore.
/// </summary>
public sealed class Artifact
{
    public long Id { get; set; }
    public RunId RunId { get; set; }
    public ArtifactKind Kind { get; set; }
    public required string RelativePath { get; set; }
    public string? Class { get; set; }
    public string? Image { get; set; }
    public bool? Label { get; set; }
    public double? Score { get; set; }
    public ArtifactBlob? Blob { get; set; }
}
