using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace HierCore.Engine.Backbones;

/// <summary>
/// The CNTK ResNet18 rebuilt as TorchSharp modules from its ONNX graph: stem (conv-bn-relu-maxpool),
/// four stages of basic blocks ({2,2,2,3} in this export) and the final average pool.
/// </summary>
internal sealed class CntkResNet : Module<Tensor, Tensor>
{
    private readonly ConvBn stem;
    private readonly CntkMaxPool stemPool;
    private readonly ModuleList<Sequential> layers;
    private readonly AvgPool2d head;

    public CntkResNet(CntkResNetSpec spec) : base("cntk_resnet")
    {
        stem = new ConvBn("stem", spec.Stem);
        stemPool = new CntkMaxPool("stem_pool", spec.StemPool);
        layers = ModuleList(spec.Stages
            .Select(blocks => Sequential(blocks.Select((b, i) => (Module<Tensor, Tensor>)new BasicBlock($"block{i}", b)).ToArray()))
            .ToArray());
        var h = spec.HeadPool;
        if (h.PadsBegin.Concat(h.PadsEnd).Any(p => p != 0))
            throw new NotSupportedException("CNTK ResNet: a padded final average pool is not supported.");
        head = AvgPool2d((h.Kernel[0], h.Kernel[1]), (h.Strides[0], h.Strides[1]));
        RegisterComponents();
    }

    /// <summary>Outputs of stages 1..<paramref name="lastStage"/> (layer1..layerN) for a preprocessed batch.</summary>
    public IReadOnlyList<Tensor> Stages(Tensor preprocessed, int lastStage)
    {
        var outputs = new List<Tensor>(lastStage);
        var x = stemPool.forward(stem.forward(preprocessed).relu_());
        for (var s = 0; s < lastStage; s++) outputs.Add(x = layers[s].forward(x));
        return outputs;
    }

    /// <summary>The graph's own output: the pooled last stage, flattened to [B, 512].</summary>
    public override Tensor forward(Tensor preprocessed) =>
        head.forward(Stages(preprocessed, layers.Count)[^1]).flatten(1);
}
