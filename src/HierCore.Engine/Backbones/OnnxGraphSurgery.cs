using Google.Protobuf;
using Onnx;

namespace HierCore.Engine.Backbones;

/// <summary>Edits an ONNX model for ONNX Runtime: symbolic batch dimension, chosen outputs, unused nodes pruned.</summary>
internal static class OnnxGraphSurgery
{
    public static byte[] WithOutputs(ModelProto model, IReadOnlyList<string> outputs)
    {
        var edited = model.Clone();
        var graph = edited.Graph;
        graph.SetDim(); // leading dimension of inputs and outputs becomes the symbolic batch 'N'
        var produced = graph.Node.SelectMany(n => n.Output).ToHashSet();
        foreach (var name in outputs.Where(o => !produced.Contains(o)))
            throw new ArgumentException($"ONNX graph has no tensor '{name}' to expose as an output.", nameof(outputs));

        graph.Output.Clear();
        foreach (var name in outputs)
        {
            graph.Output.Add(new ValueInfoProto
            {
                Name = name,
                Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = (int)TensorProto.Types.DataType.Float } },
            });
        }
        // Stale fixed-shape annotations would contradict the symbolic batch; ORT infers shapes itself.
        graph.ValueInfo.Clear();
        Prune(graph, outputs);
        return edited.ToByteArray();
    }

    /// <summary>Keeps only the nodes and initializers the outputs depend on (for the taps: drops layer4).</summary>
    private static void Prune(GraphProto graph, IEnumerable<string> outputs)
    {
        var needed = outputs.ToHashSet();
        var kept = new List<NodeProto>();
        foreach (var node in graph.Node.Reverse())
        {
            if (!node.Output.Any(needed.Contains)) continue;
            kept.Add(node);
            needed.UnionWith(node.Input);
        }
        kept.Reverse();
        graph.Node.Clear();
        graph.Node.AddRange(kept);
        var initializers = graph.Initializer.Where(t => needed.Contains(t.Name)).ToList();
        graph.Initializer.Clear();
        graph.Initializer.AddRange(initializers);
    }
}
