using TorchSharp.Modules;
using TorchSharp.Utils;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace HierCore.Engine.Backbones;

/// <summary>
/// The CNTK ResNet18 rebuilt as TorchSharp modules from its ONNX graph: stem (conv-bn-relu-maxpool),
/// four stages of basic blocks ({2,2,2,3} in this export) and the final average pool.
/// </summary>
internal sealed class CntkResNet : Module<Tensor, Tensor>
{
    // ComponentName keeps the module names (state_dict keys) independent of the C# field style.
    [ComponentName(Name = "stem")]
    private readonly ConvBn _stem;
    [ComponentName(Name = "stemPool")]
    private readonly CntkMaxPool _stemPool;
    [ComponentName(Name = "layers")]
    private readonly ModuleList<Sequential> _layers;
    [ComponentName(Name = "head")]
    private readonly AvgPool2d _head;

    public CntkResNet(CntkResNetSpec spec) : base("cntk_resnet")
    {
        _stem = new ConvBn("stem", spec.Stem);
        _stemPool = new CntkMaxPool("stem_pool", spec.StemPool);
        _layers = ModuleList(spec.Stages
            .Select(blocks => Sequential(blocks.Select((b, i) => (Module<Tensor, Tensor>)new BasicBlock($"block{i}", b)).ToArray()))
            .ToArray());
        var h = spec.HeadPool;
        if (h.PadsBegin.Concat(h.PadsEnd).Any(p => p != 0))
            throw new NotSupportedException("CNTK ResNet: a padded final average pool is not supported.");
        _head = AvgPool2d((h.Kernel[0], h.Kernel[1]), (h.Strides[0], h.Strides[1]));
        RegisterComponents();
    }

    /// <summary>Outputs of stages 1..<paramref name="lastStage"/> (layer1..layerN) for a preprocessed batch.</summary>
    public IReadOnlyList<Tensor> Stages(Tensor preprocessed, int lastStage)
    {
        var outputs = new List<Tensor>(lastStage);
        var x = _stemPool.forward(_stem.forward(preprocessed).relu_());
        for (var s = 0; s < lastStage; s++) outputs.Add(x = _layers[s].forward(x));
        return outputs;
    }

    /// <summary>The graph's own output: the pooled last stage, flattened to [B, 512].</summary>
    public override Tensor forward(Tensor preprocessed) =>
        _head.forward(Stages(preprocessed, _layers.Count)[^1]).flatten(1);
}
