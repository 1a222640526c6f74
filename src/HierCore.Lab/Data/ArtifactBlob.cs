namespace HierCore.Lab.Data;

/// <summary>
/// The bytes of one artifact when the Lab database is PostgreSQL (see DatabaseArtifactStore): workers on other
/// machines store them here and the web role streams them out, so no data/ folder has to be shared. Its own table,
/// so listing a run's artifacts never reads the bytes.
/// </summary>
public sealed class ArtifactBlob
{
    public long ArtifactId { get; set; }
    public required byte[] Content { get; set; }
}
