using HierCore.Engine.Backbones;
using static TorchSharp.torch;

namespace HierCore.Engine.Tests.Backbones;

[Collection(ResNet18Collection.Name)]
public sealed class ResNet18BatchingTests(ResNet18Fixture fixture)
{
    [Fact]
    public void Batch_of_two_gives_the_same_taps_as_two_single_images()
    {
        using var scope = NewDisposeScope();
        var batch = tensor(fixture.TwoScenes, [2, 3, 224, 224]);
        using var together = fixture.Backbone.Forward(batch);
        using var first = fixture.Backbone.Forward(batch[0..1]);
        using var second = fixture.Backbone.Forward(batch[1..2]);

        foreach (var (joint, one, two) in new[] { (together.Layer2, first.Layer2, second.Layer2), (together.Layer3, first.Layer3, second.Layer3) })
        {
            var a = one.data<float>().ToArray();
            var b = two.data<float>().ToArray();
            Assert.True(FeatureComparison.MaxAbsDiff(joint[0].data<float>().ToArray(), a) <= 1e-4);
            Assert.True(FeatureComparison.MaxAbsDiff(joint[1].data<float>().ToArray(), b) <= 1e-4);
            // The scenes differ, so a batch that mixed up or repeated images could not pass.
            Assert.True(FeatureComparison.MaxAbsDiff(a, b) > 0.1);
        }
    }

    [Fact]
    public void Odd_input_size_follows_cntk_asymmetric_padding()
    {
        // torchvision's symmetric padding would give 29×29 and 15×15 here; CNTK's [begin 1, end 0] gives 28 and 14.
        using var rgb = full(1, 3, 225, 225, 128f);
        using var taps = fixture.Backbone.Forward(rgb);
        Assert.Equal([1L, 128, 28, 28], taps.Layer2.shape);
        Assert.Equal([1L, 256, 14, 14], taps.Layer3.shape);
        Assert.False(taps.Layer3.isnan().any().item<bool>());
    }

    [Fact]
    public void Forward_rejects_a_batch_that_is_not_float_rgb()
    {
        using var gray = zeros(1, 1, 224, 224);
        using var bytes = zeros(1, 3, 224, 224, ScalarType.Byte);
        Assert.Contains("[1,1,224,224]", Assert.Throws<ArgumentException>(() => fixture.Backbone.Forward(gray)).Message);
        Assert.Contains("Byte", Assert.Throws<ArgumentException>(() => fixture.Backbone.Forward(bytes)).Message);
    }
}
