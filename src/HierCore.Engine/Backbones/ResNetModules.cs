using TorchSharp.Modules;
using TorchSharp.Utils;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace HierCore.Engine.Backbones;

/// <summary>ResNet basic block; in-place relu/add are safe because the network only ever runs under no_grad.</summary>
internal sealed class BasicBlock : Module<Tensor, Tensor>
{
    [ComponentName(Name = "conv1")]
    private readonly ConvBn _conv1;
    [ComponentName(Name = "conv2")]
    private readonly ConvBn _conv2;
    [ComponentName(Name = "downsample")]
    private readonly ConvBn? _downsample;

    public BasicBlock(string name, BasicBlockSpec spec) : base(name)
    {
        _conv1 = new ConvBn("conv1", spec.First);
        _conv2 = new ConvBn("conv2", spec.Second);
        _downsample = spec.Shortcut is null ? null : new ConvBn("downsample", spec.Shortcut);
        RegisterComponents();
    }

    public override Tensor forward(Tensor input)
    {
        var main = _conv2.forward(_conv1.forward(input).relu_());
        return main.add_(_downsample?.forward(input) ?? input).relu_();
    }
}

/// <summary>CNTK's max pool, with its asymmetric padding reproduced as in <see cref="AsymmetricWindow"/>.</summary>
internal sealed class CntkMaxPool : Module<Tensor, Tensor>
{
    [ComponentName(Name = "pool")]
    private readonly MaxPool2d _pool;
    private readonly WindowSpec _window;

    public CntkMaxPool(string name, WindowSpec spec) : base(name)
    {
        _window = AsymmetricWindow.EnsureSupported(spec, name);
        _pool = MaxPool2d((_window.Kernel[0], _window.Kernel[1]), (_window.Strides[0], _window.Strides[1]),
            (_window.PadsBegin[0], _window.PadsBegin[1]));
        RegisterComponents();
    }

    public override Tensor forward(Tensor input) => AsymmetricWindow.Crop(_pool.forward(input), input, _window);
}
