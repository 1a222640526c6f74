using Onnx;

namespace HierCore.Engine.Backbones;

/// <summary>Reads ONNX model files read-only and shared (OnnxSharp's ParseFromFile opens them read-write, exclusively).</summary>
internal static class OnnxModels
{
    public static ModelProto Read(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20);
        return ModelProto.Parser.ParseFrom(stream);
    }
}
