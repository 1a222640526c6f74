using TorchSharp;
using static TorchSharp.torch;

namespace HierCore.Engine.Tests;

public class TorchSharpLoadsTests
{
    [Fact]
    public void Matmul_of_known_matrices_gives_the_hand_computed_product()
    {
        using var a = tensor(new float[] { 1, 2, 3, 4 }, [2, 2]);
        using var b = tensor(new float[] { 5, 6, 7, 8 }, [2, 2]);
        using var c = a.matmul(b);
        Assert.Equal(new float[] { 19, 22, 43, 50 }, c.data<float>().ToArray());
    }
}
