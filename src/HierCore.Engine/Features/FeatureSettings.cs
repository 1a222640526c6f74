namespace HierCore.Engine.Features;

/// <summary>
/// Everything that changes an image's features (METHOD.md §2.5). Its <see cref="Key"/> names a cache
/// partition; bump <see cref="FeatureCacheFormat.Version"/> when the extraction code changes meaning.
/// </summary>
public sealed record FeatureSettings(string Backbone, int Resize, int Crop, string Embedding)
{
    public string Key =>
        $"backbone={Backbone};resize={Resize};crop={Crop};embedding={Embedding};format={FeatureCacheFormat.Version}";

    public override string ToString() => Key;
}
