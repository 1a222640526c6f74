using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using HierCore.Engine.Contracts;
using HierCore.Engine.Methods;

namespace HierCore.Engine.Models;

/// <summary>
/// The .hcm file: "HCMODEL\n", format version (int32), payload length (int64), payload, SHA-256 of the payload.
/// Payload: a JSON header (int32 length + UTF-8, snake_case: version, spec, backbone, groups with criterion,
/// centroid and sizes), then per group its bank entries (float32, little-endian) and their source image ids (int64).
/// A reader refuses a file with another magic, another version, a wrong length or a wrong checksum.
/// </summary>
public static class ModelFile
{
    public const int Version = 1;
    public const string Extension = ".hcm";
    static readonly byte[] Magic = "HCMODEL\n"u8.ToArray();
    const int HashBytes = 32;

    sealed record Header(int Version, RunSpec Spec, string Backbone, IReadOnlyList<GroupHeader> Groups);
    sealed record GroupHeader(string Name, int Members, DecisionCriterion Criterion, float[] Centroid, int Entries, int Dim, double BuildSeconds);

    /// <summary>Writes atomically (temp file, then rename): a crash never leaves half a model under the name.</summary>
    public static void Write(string path, FittedModel model)
    {
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var temp = full + ".tmp";
        using (var stream = File.Create(temp)) Write(stream, model);
        File.Move(temp, full, overwrite: true);
    }

    public static void Write(Stream output, FittedModel model, int version = Version)
    {
        // Entries are written as the machine holds them; every platform .NET and libtorch run on here is little-endian.
        if (!BitConverter.IsLittleEndian) throw new PlatformNotSupportedException("Model files are little-endian.");
        var payload = new MemoryStream();
        using (var w = new BinaryWriter(payload, Encoding.UTF8, leaveOpen: true))
        {
            var header = new Header(version, model.Spec, model.BackboneId, model.Groups.Select(g =>
                new GroupHeader(g.Name, g.Members, g.Criterion, g.Centroid, g.Entries, g.Dim, g.BuildSeconds)).ToArray());
            var json = Encoding.UTF8.GetBytes(ResultJson.Serialize(header, indented: false));
            w.Write(json.Length);
            w.Write(json);
            foreach (var g in model.Groups)
            {
                w.Write(MemoryMarshal.AsBytes(g.Features.AsSpan()));
                w.Write(MemoryMarshal.AsBytes(g.Sources.AsSpan()));
            }
        }
        var bytes = payload.GetBuffer().AsSpan(0, (int)payload.Length);
        using var o = new BinaryWriter(output, Encoding.UTF8, leaveOpen: true);
        o.Write(Magic);
        o.Write(version);
        o.Write((long)bytes.Length);
        o.Write(bytes);
        o.Write(SHA256.HashData(bytes));
    }

    public static FittedModel Read(string path)
    {
        if (!File.Exists(path)) throw new ModelFileException($"Model file '{path}' does not exist.");
        using var stream = File.OpenRead(path);
        return Read(stream, path);
    }

    public static FittedModel Read(Stream input, string name = "model")
    {
        using var r = new BinaryReader(input, Encoding.UTF8, leaveOpen: true);
        var magic = r.ReadBytes(Magic.Length);
        if (!magic.AsSpan().SequenceEqual(Magic))
            throw new ModelFileException($"'{name}' is not a HierCore model file (it does not start with the .hcm signature).");
        if (Remaining(input) < 4 + 8 + HashBytes) throw Truncated(name);
        var version = r.ReadInt32();
        if (version != Version)
            throw new ModelFileException($"'{name}' is a model file of version {version}; this hiercore reads version {Version}. Download the model from its run again.");
        var length = r.ReadInt64();
        if (length < 0 || Remaining(input) < length + HashBytes) throw Truncated(name);
        if (Remaining(input) > length + HashBytes)
            throw new ModelFileException($"'{name}' has {Remaining(input) - length - HashBytes} bytes after its end: not a model file as written.");
        var payload = r.ReadBytes((int)length);
        var hash = r.ReadBytes(HashBytes);
        if (!SHA256.HashData(payload).AsSpan().SequenceEqual(hash))
            throw new ModelFileException($"'{name}' is damaged: its checksum does not match its content.");
        return Parse(payload, name);
    }

    static FittedModel Parse(byte[] payload, string name)
    {
        using var r = new BinaryReader(new MemoryStream(payload));
        var header = ResultJson.Deserialize<Header>(Encoding.UTF8.GetString(r.ReadBytes(r.ReadInt32())));
        var groups = header.Groups.Select(g =>
        {
            var features = MemoryMarshal.Cast<byte, float>(r.ReadBytes(checked(g.Entries * g.Dim * sizeof(float)))).ToArray();
            var sources = MemoryMarshal.Cast<byte, long>(r.ReadBytes(checked(g.Entries * sizeof(long)))).ToArray();
            if (features.Length != g.Entries * g.Dim || sources.Length != g.Entries) throw Truncated(name);
            return new FittedGroup(g.Name, g.Members, g.Criterion, g.Centroid, g.Dim, features, sources, g.BuildSeconds);
        }).ToArray();
        if (groups.Length == 0) throw new ModelFileException($"'{name}' holds no fitted group.");
        return new FittedModel(header.Spec, header.Backbone, groups);
    }

    static long Remaining(Stream s) => s.Length - s.Position;

    static ModelFileException Truncated(string name) =>
        new($"'{name}' is truncated: it ends before the model it announces (download it again).");
}
