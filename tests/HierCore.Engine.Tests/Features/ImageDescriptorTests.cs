using HierCore.Engine.Features;
using static TorchSharp.torch;

namespace HierCore.Engine.Tests.Features;

public class ImageDescriptorTests
{
    [Fact]
    public void Descriptor_is_the_unit_length_direction_of_the_channel_means()
    {
        // Channel 0 averages 3, channel 1 averages 4 → mean vector (3, 4), norm 5.
        using var layer3 = tensor(new float[] { 1, 5, 3, 3, 4, 4, 0, 8 }, [1, 2, 2, 2]);
        using var descriptor = ImageDescriptor.Compute(layer3);
        Assert.Equal(new long[] { 1, 2 }, descriptor.shape);
        var values = descriptor.data<float>().ToArray();
        Assert.Equal(0.6, values[0], 1e-6);
        Assert.Equal(0.8, values[1], 1e-6);
    }

    [Fact]
    public void Every_row_of_a_batch_has_unit_norm_and_keeps_its_own_direction()
    {
        using var layer3 = rand(3, 256, 14, 14);
        using var descriptor = ImageDescriptor.Compute(layer3);
        using var means = layer3.mean([2L, 3L]);
        using var norms = descriptor.norm(1);
        foreach (var n in norms.data<float>().ToArray()) Assert.Equal(1.0, n, 1e-5);
        using var cosine = nn.functional.cosine_similarity(descriptor, means, dim: 1);
        foreach (var c in cosine.data<float>().ToArray()) Assert.Equal(1.0, c, 1e-5);
    }

    [Fact]
    public void An_all_zero_tap_gives_a_zero_descriptor_not_nan()
    {
        using var layer3 = zeros(1, 4, 2, 2);
        using var descriptor = ImageDescriptor.Compute(layer3);
        Assert.All(descriptor.data<float>().ToArray(), v => Assert.Equal(0f, v));
    }
}
