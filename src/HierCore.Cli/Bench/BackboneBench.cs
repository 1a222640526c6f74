using System.Diagnostics;
using HierCore.Engine.Backbones;
using TorchSharp;
using static TorchSharp.torch;

namespace HierCore.Cli.Bench;

/// <summary>Images/s of the TorchSharp ResNet18 and of ONNX Runtime on the same graph, same threads and batch.</summary>
public static class BackboneBench
{
    public static (double TorchSharpIps, double OnnxRuntimeIps) Run(int batch, int threads, int repeats)
    {
        var rng = new Random(0);
        var input = new float[batch * 3 * 224 * 224];
        for (var i = 0; i < input.Length; i++) input[i] = (float)(rng.NextDouble() * 255);

        using var backbone = ResNet18Backbone.Load("cpu");
        torch.set_num_threads(threads); // after Load, which claims every core by default
        using var x = tensor(input, [batch, 3, 224, 224]);
        var ts = Best(repeats, () => { using var scope = NewDisposeScope(); backbone.Forward(x); });

        using var ort = new OnnxResNet18(intraOpThreads: threads);
        var onnx = Best(repeats, () => ort.Run(input, batch));
        return (batch / ts, batch / onnx);
    }

    static double Best(int repeats, Action action)
    {
        action(); // warm-up: allocations, kernels, thread pools
        var best = double.PositiveInfinity;
        for (var r = 0; r < repeats; r++)
        {
            var clock = Stopwatch.StartNew();
            action();
            best = Math.Min(best, clock.Elapsed.TotalSeconds);
        }
        return best;
    }
}
