using Onnx;

namespace HierCore.Engine.Backbones;

/// <summary>
/// What ResNetPreprocess.onnx does: split RGB, concatenate as BGR, subtract a mean image
/// (the 1×3×224×224 ImageNet mean image CNTK trained with: it varies over the image, it is not a per-channel
/// constant). No division by a standard deviation.
/// </summary>
internal sealed record ResNetPreprocessSpec(float[] MeanImageBgr, long[] Shape)
{
    public static ResNetPreprocessSpec Parse(GraphProto graph)
    {
        var split = Single(graph, "Split");
        var concat = Single(graph, "Concat");
        var sub = Single(graph, "Sub");
        if (split.Output.Count != 3 || !concat.Input.SequenceEqual(split.Output.Reverse()))
            throw Malformed("expected Concat to reverse the three channels of Split (RGB → BGR)");
        if (sub.Input[0] != concat.Output[0])
            throw Malformed("expected Sub to subtract from the reordered image");
        var mean = graph.Initializer.FirstOrDefault(t => t.Name == sub.Input[1])
            ?? throw Malformed($"Sub's second input '{sub.Input[1]}' is not an initializer");
        var shape = OnnxInitializers.Shape(mean);
        if (shape.Length != 4 || shape[0] != 1 || shape[1] != 3)
            throw Malformed($"mean image has shape [{string.Join(",", shape)}], expected [1,3,H,W]");
        return new ResNetPreprocessSpec(OnnxInitializers.ToFloats(mean), shape);
    }

    private static NodeProto Single(GraphProto graph, string opType)
    {
        var nodes = graph.Node.Where(n => n.OpType == opType).ToList();
        return nodes.Count == 1 ? nodes[0] : throw Malformed($"expected one {opType} node, found {nodes.Count}");
    }

    private static InvalidDataException Malformed(string why) => new($"ResNetPreprocess.onnx: {why}.");
}
