using Onnx;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace HierCore.Engine.Backbones;

/// <summary>A bias-free Conv2d and its BatchNorm2d (eval statistics), with weights copied from ONNX initializers.</summary>
internal sealed class ConvBn : Module<Tensor, Tensor>
{
    private readonly Conv2d conv;
    private readonly BatchNorm2d bn;
    private readonly WindowSpec window;

    public ConvBn(string name, ConvBnSpec spec) : base(name)
    {
        window = AsymmetricWindow.EnsureSupported(spec.Window, name);
        conv = Conv2d(spec.InChannels, spec.OutChannels, (window.Kernel[0], window.Kernel[1]),
            stride: (window.Strides[0], window.Strides[1]), padding: (window.PadsBegin[0], window.PadsBegin[1]), bias: false);
        bn = BatchNorm2d(spec.OutChannels, eps: spec.Epsilon);
        using (no_grad())
        {
            Assign(conv.weight!, spec.Weight);
            Assign(bn.weight!, spec.Scale);
            Assign(bn.bias!, spec.Bias);
            Assign(bn.running_mean!, spec.Mean);
            Assign(bn.running_var!, spec.Variance);
        }
        RegisterComponents();
    }

    public override Tensor forward(Tensor input) =>
        bn.forward(AsymmetricWindow.Crop(conv.forward(input), input, window));

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
