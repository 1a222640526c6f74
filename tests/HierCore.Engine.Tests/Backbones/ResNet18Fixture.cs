using HierCore.Engine.Backbones;

namespace HierCore.Engine.Tests.Backbones;

/// <summary>Loads the 64 MB model once for every backbone test.</summary>
public sealed class ResNet18Fixture : IDisposable
{
    private readonly Lazy<ResNet18Backbone> _backbone = new(() => ResNet18Backbone.Load("cpu"));
    private readonly Lazy<OnnxResNet18> _oracle = new(() => new OnnxResNet18(Environment.ProcessorCount, withPooled: true));

    public ResNet18Backbone Backbone => _backbone.Value;

    public OnnxResNet18 Oracle => _oracle.Value;

    /// <summary>Two different synthetic scenes, concatenated as a batch of 2 in CHW order.</summary>
    public float[] TwoScenes { get; } = [.. SyntheticScene.RgbChw(seed: 1), .. SyntheticScene.RgbChw(seed: 2)];

    public void Dispose()
    {
        if (_backbone.IsValueCreated) _backbone.Value.Dispose();
        if (_oracle.IsValueCreated) _oracle.Value.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class ResNet18Collection : ICollectionFixture<ResNet18Fixture>
{
    public const string Name = "ResNet18";
}
