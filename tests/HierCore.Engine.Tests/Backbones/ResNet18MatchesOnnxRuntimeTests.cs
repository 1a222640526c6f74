using HierCore.Engine.Backbones;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace HierCore.Engine.Tests.Backbones;

/// <summary>TorchSharp route vs ONNX Runtime on the original graphs (preprocessing graph chained).</summary>
[Collection(ResNet18Collection.Name)]
public sealed class ResNet18MatchesOnnxRuntimeTests(ResNet18Fixture fixture, ITestOutputHelper output)
{
    private const double Tolerance = 1e-3;

    [Fact]
    public void Layer2_and_layer3_taps_match_onnx_runtime_on_a_batch_of_two_scenes()
    {
        using var rgb = tensor(fixture.TwoScenes, [2, 3, 224, 224]);
        using var taps = fixture.Backbone.Forward(rgb);
        var (layer2, layer3) = fixture.Oracle.Run(fixture.TwoScenes, batch: 2);

        Assert.Equal([2L, 128, 28, 28], taps.Layer2.shape);
        Assert.Equal([2L, 256, 14, 14], taps.Layer3.shape);
        AssertClose("layer2", taps.Layer2.data<float>().ToArray(), layer2);
        AssertClose("layer3", taps.Layer3.data<float>().ToArray(), layer3);
    }

    [Fact]
    public void Pooled_output_through_the_three_block_layer4_matches_onnx_runtime()
    {
        var scene = SyntheticScene.RgbChw(seed: 3);
        using var rgb = tensor(scene, [1, 3, 224, 224]);
        using var pooled = fixture.Backbone.ForwardPooled(rgb);

        Assert.Equal([1L, 512], pooled.shape);
        AssertClose("pooled", pooled.data<float>().ToArray(), fixture.Oracle.RunPooled(scene, batch: 1));
    }

    private void AssertClose(string tap, float[] torchSharp, float[] onnxRuntime)
    {
        var maxAbs = FeatureComparison.MaxAbsDiff(torchSharp, onnxRuntime);
        var cosine = FeatureComparison.Cosine(torchSharp, onnxRuntime);
        var scale = FeatureComparison.MaxAbs(onnxRuntime);
        output.WriteLine($"{tap}: max |diff| {maxAbs:E2} (largest activation {scale:F2}), cosine {cosine:F7}");
        // A real feature map, not zeros or a constant that would match trivially.
        Assert.True(scale > 1, $"{tap}: ONNX Runtime activations are suspiciously small ({scale}).");
        Assert.True(maxAbs <= Tolerance, $"{tap}: max |diff| {maxAbs} exceeds {Tolerance}.");
        Assert.True(cosine > 0.99999, $"{tap}: cosine {cosine}.");
    }
}
