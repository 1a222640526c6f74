using HierCore.Engine.Imaging;
using Onnx;
using TorchSharp;
using static TorchSharp.torch;

namespace HierCore.Engine.Backbones;

/// <summary>
/// The pretrained ResNet18 (CNTK export shipped in Microsoft.ML.DnnImageFeaturizer.ResNet18), rebuilt in
/// TorchSharp from the ONNX initializers: frozen, eval mode, applying the model's own preprocessing.
/// </summary>
public sealed class ResNet18Backbone : IDisposable
{
    private const int MinimumSide = 32;
    private readonly CntkResNet _network;
    private readonly Tensor _meanImageBgr;
    private readonly Dictionary<(long Height, long Width), Tensor> _resizedMeans = [];
    private readonly Lock _meansLock = new();

    private ResNet18Backbone(CntkResNet network, Tensor meanImageBgr, Device device)
    {
        _network = network;
        _meanImageBgr = meanImageBgr;
        Device = device;
    }

    public Device Device { get; }

    public string Name => "resnet18";

    public static Device ResolveDevice(string spec) => TorchDevices.Resolve(spec);

    /// <param name="device">"auto", "cpu", "cuda" or "cuda:N".</param>
    /// <param name="modelDirectory">Folder holding DnnImageModels/; defaults to AppContext.BaseDirectory.</param>
    public static ResNet18Backbone Load(string device = "auto", string? modelDirectory = null)
    {
        OpenMpWaitPolicy.PreferPassive(); // effective only if this is the process's first TorchSharp use
        var target = ResolveDevice(device);
        TorchDevices.UseAllCoresOnce();
        var files = ResNet18ModelFiles.Locate(modelDirectory);
        var spec = CntkResNetSpec.Parse(OnnxModels.Read(files.Network).Graph);
        long[] widths = [.. spec.Stages.Select(stage => stage[^1].Second.OutChannels)];
        if (!widths.SequenceEqual([64L, 128, 256, 512]))
            throw new InvalidDataException($"'{files.Network}': stage widths [{string.Join(",", widths)}] are not ResNet18's [64,128,256,512].");
        var preprocess = ResNetPreprocessSpec.Parse(OnnxModels.Read(files.Preprocess).Graph);

        var network = new CntkResNet(spec);
        foreach (var parameter in network.parameters()) parameter.requires_grad = false;
        network.eval();
        network.to(target);
        // Detached so that a caller who loads inside a dispose scope keeps a working backbone.
        var mean = tensor(preprocess.MeanImageBgr, preprocess.Shape, device: target).DetachFromDisposeScope();
        return new ResNet18Backbone(network, mean, target);
    }

    /// <summary>layer2 and layer3 taps of a batch of RGB images, float32 [B,3,H,W] with values 0..255, on any device.</summary>
    public BackboneOutput Forward(Tensor rgb)
    {
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        var stages = _network.Stages(Preprocess(rgb), 3);
        return new BackboneOutput(stages[1].MoveToOuterDisposeScope(), stages[2].MoveToOuterDisposeScope());
    }

    /// <summary>The network's own output (layer4 pooled), [B,512]; needs inputs large enough for its 7×7 pool (224).</summary>
    public Tensor ForwardPooled(Tensor rgb)
    {
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        return _network.forward(Preprocess(rgb)).MoveToOuterDisposeScope();
    }

    private Tensor Preprocess(Tensor rgb)
    {
        ArgumentNullException.ThrowIfNull(rgb);
        if (rgb.dim() != 4 || rgb.shape[1] != 3 || rgb.dtype != ScalarType.Float32)
            throw new ArgumentException(
                $"ResNet18Backbone expects float32 RGB [B,3,H,W]; got {rgb.dtype} [{string.Join(",", rgb.shape)}].", nameof(rgb));
        if (rgb.shape[2] < MinimumSide || rgb.shape[3] < MinimumSide)
            throw new ArgumentException($"ResNet18Backbone needs images of at least {MinimumSide}×{MinimumSide}; got {rgb.shape[2]}×{rgb.shape[3]}.", nameof(rgb));
        // RGB → BGR is a reversal of the channel axis.
        return rgb.to(Device).flip(1).sub_(MeanImage(rgb.shape[2], rgb.shape[3]));
    }

    /// <summary>
    /// The mean image at the input size. At the native 224×224 it is used as is; other sizes get it resized
    /// bilinearly, the nearest thing to what the model saw in training.
    /// </summary>
    private Tensor MeanImage(long height, long width)
    {
        if (_meanImageBgr.shape[2] == height && _meanImageBgr.shape[3] == width) return _meanImageBgr;
        lock (_meansLock)
        {
            if (!_resizedMeans.TryGetValue((height, width), out var resized))
            {
                resized = nn.functional.interpolate(_meanImageBgr, [height, width], mode: InterpolationMode.Bilinear, align_corners: false);
                _resizedMeans[(height, width)] = resized.DetachFromDisposeScope();
            }
            return resized;
        }
    }

    public void Dispose()
    {
        _network.Dispose();
        _meanImageBgr.Dispose();
        foreach (var mean in _resizedMeans.Values) mean.Dispose();
    }
}
