using Onnx;

namespace HierCore.Engine.Backbones;

/// <summary>Walks an ONNX ResNet graph (Conv/BatchNormalization/Relu/MaxPool/Add/AveragePool) into a <see cref="CntkResNetSpec"/>.</summary>
internal sealed class CntkResNetGraphReader
{
    private readonly GraphProto _graph;
    private readonly Dictionary<string, NodeProto> _producers = [];
    private readonly Dictionary<string, List<NodeProto>> _consumers = [];
    private readonly Dictionary<string, TensorProto> _initializers;

    public CntkResNetGraphReader(GraphProto graph)
    {
        _graph = graph;
        _initializers = graph.Initializer.ToDictionary(t => t.Name);
        foreach (var node in graph.Node)
        {
            foreach (var output in node.Output) _producers[output] = node;
            foreach (var input in node.Input)
            {
                if (!_consumers.TryGetValue(input, out var list)) _consumers[input] = list = [];
                list.Add(node);
            }
        }
    }

    public CntkResNetSpec Read()
    {
        var inputs = _graph.Input.Where(i => !_initializers.ContainsKey(i.Name)).ToList();
        if (inputs.Count != 1) throw Malformed($"expected one image input, found {inputs.Count}");
        var input = inputs[0].Name;

        var stemRelu = SingleConsumer(SingleConsumer(SingleConsumer(input, "Conv").Output[0], "BatchNormalization").Output[0], "Relu");
        var stem = ReadConvBn(_producers[stemRelu.Input[0]]);
        var stemPoolNode = SingleConsumer(stemRelu.Output[0], "MaxPool");

        var blocks = new List<BasicBlockSpec>();
        var current = stemPoolNode.Output[0];
        foreach (var add in _graph.Node.Where(n => n.OpType == "Add"))
        {
            var block = TryReadBlock(add, add.Input[0], add.Input[1]) ?? TryReadBlock(add, add.Input[1], add.Input[0])
                ?? throw Malformed($"Add node '{add.Name}' is not a ResNet basic block");
            if (block.Input != current) throw Malformed($"block ending at '{block.Output}' reads '{block.Input}', expected '{current}'");
            blocks.Add(block);
            current = block.Output;
        }
        if (blocks.Count == 0) throw Malformed("no residual blocks found");

        var head = SingleConsumer(current, "AveragePool");
        if (_graph.Output.Count != 1 || _graph.Output[0].Name != head.Output[0])
            throw Malformed($"expected the single graph output to be the final AveragePool '{head.Output[0]}'");

        // A stage is a run of blocks with the same width (64, 128, 256, 512 in ResNet18).
        var stages = GroupByWidth(blocks);
        return new CntkResNetSpec(input, stem, Window(stemPoolNode), stages, Window(head), head.Output[0]);
    }

    /// <summary>Main path: bn2(conv2(relu(bn1(conv1(x))))); shortcut: x itself or bn(conv1×1(x)).</summary>
    private BasicBlockSpec? TryReadBlock(NodeProto add, string main, string shortcut)
    {
        if (!Produced(main, "BatchNormalization", out var bn2) || !Produced(bn2.Input[0], "Conv", out var conv2)
            || !Produced(conv2.Input[0], "Relu", out var relu1) || !Produced(relu1.Input[0], "BatchNormalization", out var bn1)
            || !Produced(bn1.Input[0], "Conv", out var conv1))
            return null;
        var x = conv1.Input[0];
        ConvBnSpec? projection = null;
        if (shortcut != x)
        {
            if (!Produced(shortcut, "BatchNormalization", out var bnS) || !Produced(bnS.Input[0], "Conv", out var convS)
                || convS.Input[0] != x)
                return null;
            projection = ReadConvBn(bnS);
        }
        var outRelu = SingleConsumer(add.Output[0], "Relu");
        return new BasicBlockSpec(x, ReadConvBn(bn1), ReadConvBn(bn2), projection, outRelu.Output[0]);
    }

    private ConvBnSpec ReadConvBn(NodeProto bn)
    {
        var conv = _producers[bn.Input[0]];
        if (conv.Input.Count != 2) throw Malformed($"Conv '{conv.Name}' has a bias; only bias-free convs before BatchNormalization are supported");
        if (Ints(conv, "group", [1])[0] != 1 || Ints(conv, "dilations", [1, 1]).Any(d => d != 1))
            throw Malformed($"Conv '{conv.Name}' is grouped or dilated");
        if (bn.Input.Count != 5) throw Malformed($"BatchNormalization '{bn.Name}' has {bn.Input.Count} inputs, expected 5");
        var epsilon = bn.Attribute.FirstOrDefault(a => a.Name == "epsilon")?.F ?? 1e-5f;
        return new ConvBnSpec(Initializer(conv.Input[1]), Window(conv),
            Initializer(bn.Input[1]), Initializer(bn.Input[2]), Initializer(bn.Input[3]), Initializer(bn.Input[4]), epsilon);
    }

    private WindowSpec Window(NodeProto node)
    {
        var kernel = node.OpType == "Conv" ? Initializer(node.Input[1]).Dims.Skip(2).ToArray() : Ints(node, "kernel_shape", null);
        var pads = Ints(node, "pads", [0, 0, 0, 0]);
        var autoPad = node.Attribute.FirstOrDefault(a => a.Name == "auto_pad")?.S.ToStringUtf8() ?? "";
        if (autoPad is not ("" or "NOTSET")) throw Malformed($"node '{node.Name}' uses auto_pad {autoPad}");
        return new WindowSpec(kernel, Ints(node, "strides", [1, 1]), pads[..2], pads[2..]);
    }

    private static long[] Ints(NodeProto node, string name, long[]? fallback)
    {
        var attribute = node.Attribute.FirstOrDefault(a => a.Name == name);
        if (attribute is null) return fallback ?? throw Malformed($"node '{node.Name}' lacks attribute '{name}'");
        return attribute.Ints.Count > 0 ? [.. attribute.Ints] : [attribute.I];
    }

    private bool Produced(string tensor, string opType, out NodeProto node)
    {
        node = _producers.GetValueOrDefault(tensor)!;
        return node is not null && node.OpType == opType;
    }

    private NodeProto SingleConsumer(string tensor, string opType)
    {
        var found = _consumers.GetValueOrDefault(tensor)?.Where(n => n.OpType == opType).ToList() ?? [];
        return found.Count == 1 ? found[0] : throw Malformed($"expected one {opType} reading '{tensor}', found {found.Count}");
    }

    private TensorProto Initializer(string name) =>
        _initializers.GetValueOrDefault(name) ?? throw Malformed($"'{name}' is not an initializer");

    private static List<IReadOnlyList<BasicBlockSpec>> GroupByWidth(List<BasicBlockSpec> blocks)
    {
        var stages = new List<List<BasicBlockSpec>>();
        foreach (var block in blocks)
        {
            if (stages.Count == 0 || stages[^1][0].Second.OutChannels != block.Second.OutChannels) stages.Add([]);
            stages[^1].Add(block);
        }
        return [.. stages];
    }

    private static InvalidDataException Malformed(string why) => new($"ResNet ONNX graph: {why}.");
}
