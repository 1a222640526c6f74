namespace HierCore.Engine.Contracts;

/// <summary>
/// Revisions of embeddings whose values changed since caches were first written. Kept in Contracts because
/// <see cref="RunSpec.FeatureKey"/> needs them and Contracts depends on no other engine namespace; the embedders
/// read their revision from here.
/// </summary>
public static class EmbeddingRevisions
{
    /// <summary>Revision of the <c>pooled1024</c> embedding's values.</summary>
    public const int Pooled1024 = 2;

    /// <summary>Suffix of the feature settings key for an embedding ("" for a first revision), so a cache never mixes two revisions.</summary>
    public static string Suffix(string embedding) =>
        embedding.Trim().ToLowerInvariant() == "pooled1024" ? $"-v{Pooled1024}" : "";
}
