using Onnx;
using TorchSharp.Modules;
using TorchSharp.Utils;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace HierCore.Engine.Backbones;

/// <summary>A bias-free Conv2d and its BatchNorm2d (eval statistics), with weights copied from ONNX initializers.</summary>
internal sealed class ConvBn : Module<Tensor, Tensor>
{
    [ComponentName(Name = "conv")]
    private readonly Conv2d _conv;
    [ComponentName(Name = "bn")]
    private readonly BatchNorm2d _bn;
    private readonly WindowSpec _window;

    public ConvBn(string name, ConvBnSpec spec) : base(name)
    {
        _window = AsymmetricWindow.EnsureSupported(spec.Window, name);
        _conv = Conv2d(spec.InChannels, spec.OutChannels, (_window.Kernel[0], _window.Kernel[1]),
            stride: (_window.Strides[0], _window.Strides[1]), padding: (_window.PadsBegin[0], _window.PadsBegin[1]), bias: false);
        _bn = BatchNorm2d(spec.OutChannels, eps: spec.Epsilon);
        using (no_grad())
        {
            Assign(_conv.weight!, spec.Weight);
            Assign(_bn.weight!, spec.Scale);
            Assign(_bn.bias!, spec.Bias);
            Assign(_bn.running_mean!, spec.Mean);
            Assign(_bn.running_var!, spec.Variance);
        }
        RegisterComponents();
    }

    public override Tensor forward(Tensor input) =>
        _bn.forward(AsymmetricWindow.Crop(_conv.forward(input), input, _window));

    private static void Assign(Tensor target, TensorProto source)
    {
        var shape = OnnxInitializers.Shape(source);
        if (!target.shape.SequenceEqual(shape))
            throw new InvalidDataException(
                $"ONNX initializer '{source.Name}' has shape [{string.Join(",", shape)}], module expects [{string.Join(",", target.shape)}].");
        using var values = tensor(OnnxInitializers.ToFloats(source), shape);
        target.copy_(values);
    }
}
