using Microsoft.ML.OnnxRuntime;
using Onnx;

namespace HierCore.Engine.Backbones;

/// <summary>
/// The same pretrained ResNet18 run by ONNX Runtime on the original graphs: ResNetPreprocess.onnx chained
/// into ResNet18.onnx with the layer2/layer3 tensors exposed. The independent oracle for
/// <see cref="ResNet18Backbone"/> and the reference route of <c>hiercore bench</c>; not used in the hot path.
/// </summary>
public sealed class OnnxResNet18 : IDisposable
{
    public const int ImageSize = 224;
    public const string Layer2Tensor = "ReLU315_Output_0";
    public const string Layer3Tensor = "ReLU347_Output_0";
    private const string PooledTensor = "Pooling395_Output_0";

    private readonly SessionOptions _options;
    private readonly InferenceSession _preprocess;
    private readonly InferenceSession _network;
    private readonly bool _withPooled;

    /// <param name="intraOpThreads">ONNX Runtime intra-op threads; 0 lets it use every core.</param>
    /// <param name="modelDirectory">Folder holding DnnImageModels/; defaults to AppContext.BaseDirectory.</param>
    /// <param name="withPooled">
    /// Keep layer4 and the final pool so <see cref="RunPooled"/> works; otherwise the graph is cut after layer3,
    /// which is all PatchCore needs (and what a fair benchmark of the taps runs).
    /// </param>
    public OnnxResNet18(int intraOpThreads = 0, string? modelDirectory = null, bool withPooled = false)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(intraOpThreads);
        var files = ResNet18ModelFiles.Locate(modelDirectory);
        _options = new SessionOptions
        {
            IntraOpNumThreads = intraOpThreads,
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
        };
        var preprocessModel = OnnxModels.Read(files.Preprocess);
        _preprocess = new InferenceSession(
            OnnxGraphSurgery.WithOutputs(preprocessModel, [.. preprocessModel.Graph.Output.Select(o => o.Name)]), _options);
        _withPooled = withPooled;
        string[] outputs = withPooled ? [Layer2Tensor, Layer3Tensor, PooledTensor] : [Layer2Tensor, Layer3Tensor];
        _network = new InferenceSession(OnnxGraphSurgery.WithOutputs(OnnxModels.Read(files.Network), outputs), _options);
    }

    /// <summary>
    /// layer2 [B,128,28,28] and layer3 [B,256,14,14] (row-major) for <paramref name="batch"/> RGB images,
    /// CHW planes of 224×224 values 0..255 laid one after another.
    /// </summary>
    public (float[] layer2, float[] layer3) Run(float[] rgbChw, int batch)
    {
        using var outputs = RunNetwork(rgbChw, batch, [Layer2Tensor, Layer3Tensor]);
        return (outputs[0].GetTensorDataAsSpan<float>().ToArray(), outputs[1].GetTensorDataAsSpan<float>().ToArray());
    }

    /// <summary>The graph's own output: layer4 average-pooled, [B,512].</summary>
    public float[] RunPooled(float[] rgbChw, int batch)
    {
        if (!_withPooled) throw new InvalidOperationException("OnnxResNet18.RunPooled needs the instance to be constructed with withPooled: true.");
        using var outputs = RunNetwork(rgbChw, batch, [PooledTensor]);
        return outputs[0].GetTensorDataAsSpan<float>().ToArray();
    }

    private IDisposableReadOnlyCollection<OrtValue> RunNetwork(float[] rgbChw, int batch, string[] outputNames)
    {
        ArgumentNullException.ThrowIfNull(rgbChw);
        ArgumentOutOfRangeException.ThrowIfLessThan(batch, 1);
        var expected = (long)batch * 3 * ImageSize * ImageSize;
        if (rgbChw.Length != expected)
            throw new ArgumentException(
                $"OnnxResNet18 expects {batch}×3×{ImageSize}×{ImageSize} = {expected} values; got {rgbChw.Length}.", nameof(rgbChw));
        using var input = OrtValue.CreateTensorValueFromMemory(rgbChw, [batch, 3, ImageSize, ImageSize]);
        using var runOptions = new RunOptions();
        using var prepared = _preprocess.Run(runOptions, [_preprocess.InputNames[0]], [input], [_preprocess.OutputNames[0]]);
        return _network.Run(runOptions, [_network.InputNames[0]], [prepared[0]], outputNames);
    }

    public void Dispose()
    {
        _preprocess.Dispose();
        _network.Dispose();
        _options.Dispose();
    }
}
