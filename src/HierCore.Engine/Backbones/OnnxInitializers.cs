using System.Runtime.InteropServices;
using Onnx;

namespace HierCore.Engine.Backbones;

/// <summary>Reads float initializers of an ONNX graph, whichever of the two storage forms the exporter chose.</summary>
internal static class OnnxInitializers
{
    public static float[] ToFloats(TensorProto tensor)
    {
        if (tensor.DataType != (int)TensorProto.Types.DataType.Float)
            throw new InvalidDataException($"ONNX initializer '{tensor.Name}' has data type {tensor.DataType}; expected float (1).");
        var count = tensor.Dims.Aggregate(1L, (a, b) => a * b);
        // CNTK writes float_data; other exporters write little-endian raw_data.
        var values = tensor.RawData.Length > 0
            ? MemoryMarshal.Cast<byte, float>(tensor.RawData.Span).ToArray()
            : tensor.FloatData.ToArray();
        if (values.Length != count)
            throw new InvalidDataException($"ONNX initializer '{tensor.Name}' holds {values.Length} values; its dims [{string.Join(",", tensor.Dims)}] need {count}.");
        return values;
    }

    public static long[] Shape(TensorProto tensor) => [.. tensor.Dims];
}
