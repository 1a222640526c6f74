using Onnx;

namespace HierCore.Engine.Backbones;

/// <summary>Window geometry of a Conv or pooling node. ONNX writes pads as [h_begin, w_begin, h_end, w_end].</summary>
internal sealed record WindowSpec(long[] Kernel, long[] Strides, long[] PadsBegin, long[] PadsEnd)
{
    public long OutputSize(int dim, long input) => (input + PadsBegin[dim] + PadsEnd[dim] - Kernel[dim]) / Strides[dim] + 1;
}

/// <summary>A bias-free convolution followed by batch normalisation (inputs X, scale, B, mean, var).</summary>
internal sealed record ConvBnSpec(
    TensorProto Weight, WindowSpec Window,
    TensorProto Scale, TensorProto Bias, TensorProto Mean, TensorProto Variance, double Epsilon)
{
    public long OutChannels => Weight.Dims[0];
    public long InChannels => Weight.Dims[1];
}

/// <summary>ResNet basic block: conv-bn-relu, conv-bn, plus identity or 1×1 projection shortcut, then relu.</summary>
internal sealed record BasicBlockSpec(string Input, ConvBnSpec First, ConvBnSpec Second, ConvBnSpec? Shortcut, string Output);

/// <summary>
/// The structure of the CNTK ResNet18 graph, recovered from its topology rather than from node order or
/// tensor names: CNTK emits a block's shortcut conv before its first conv, and its layer4 has 3 blocks.
/// </summary>
internal sealed record CntkResNetSpec(
    string Input, ConvBnSpec Stem, WindowSpec StemPool,
    IReadOnlyList<IReadOnlyList<BasicBlockSpec>> Stages, WindowSpec HeadPool, string Output)
{
    public static CntkResNetSpec Parse(GraphProto graph) => new CntkResNetGraphReader(graph).Read();

    /// <summary>Name of the tensor that ends stage <paramref name="stage"/> (1-based, as layer1..layer4).</summary>
    public string StageOutput(int stage) => Stages[stage - 1][^1].Output;
}
