using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace HierCore.Engine.Backbones;

/// <summary>ResNet basic block; in-place relu/add are safe because the network only ever runs under no_grad.</summary>
internal sealed class BasicBlock : Module<Tensor, Tensor>
{
    private readonly ConvBn conv1;
    private readonly ConvBn conv2;
    private readonly ConvBn? downsample;

    public BasicBlock(string name, BasicBlockSpec spec) : base(name)
    {
        conv1 = new ConvBn("conv1", spec.First);
        conv2 = new ConvBn("conv2", spec.Second);
        downsample = spec.Shortcut is null ? null : new ConvBn("downsample", spec.Shortcut);
        RegisterComponents();
    }

    public override Tensor forward(Tensor input)
    {
        var main = conv2.forward(conv1.forward(input).relu_());
        return main.add_(downsample?.forward(input) ?? input).relu_();
    }
}

/// <summary>CNTK's max pool, with its asymmetric padding reproduced as in <see cref="AsymmetricWindow"/>.</summary>
internal sealed class CntkMaxPool : Module<Tensor, Tensor>
{
    private readonly MaxPool2d pool;
    private readonly WindowSpec window;

    public CntkMaxPool(string name, WindowSpec spec) : base(name)
    {
        window = AsymmetricWindow.EnsureSupported(spec, name);
        pool = MaxPool2d((window.Kernel[0], window.Kernel[1]), (window.Strides[0], window.Strides[1]),
            (window.PadsBegin[0], window.PadsBegin[1]));
        RegisterComponents();
    }

    public override Tensor forward(Tensor input) => AsymmetricWindow.Crop(pool.forward(input), input, window);
}
