using System.Buffers.Binary;
using System.Runtime.InteropServices;
using HierCore.Engine.Memory;
using HierCore.Engine.Storage;
using static TorchSharp.torch;

namespace HierCore.Engine.Methods;

/// <summary>
/// On-disk layout of one fitted group (little-endian): magic "HCBK" · int32 version · 32-byte key ·
/// int32 entries M · int32 dim D · int32 members · int32 centroid length · int32 criterion sample size N ·
/// int32 seed · int32 projection dim · float64 build seconds · criterion sample (float64 × N) · entries (float32, M×D,
/// in pick order) · source image per entry (int64) · centroid (float32) · 32-byte SHA-256 of every preceding byte
/// (<see cref="SealedFile"/>). Entries are kept as float32 so a loaded bank scores bit-identically to the one that
/// was built. The criterion SAMPLE is stored, not μ/σ: the criterion is recomputed from it exactly as when built, a
/// group whose sample is too small still gets its method's pooled fallback, and the scale (applied after the cache)
/// needs the sample's statistics.
/// </summary>
public static class GroupModelFormat
{
    /// <summary>Bump when the layout or what a group model means changes; it is part of every bank key.</summary>
    public const int Version = 2; // 2: the criterion sample replaces μ, σ and the quantiles

    static ReadOnlySpan<byte> Magic => "HCBK"u8;
    const int KeyBytes = 32;
    const int HeaderBytes = 4 + 4 + KeyBytes + 7 * 4 + 8;

    public static byte[] Encode(GroupModel model, string key, BankSettings settings)
    {
        var features = model.Bank.Features.to(ScalarType.Float32).cpu().contiguous();
        var entries = features.data<float>().ToArray();
        features.Dispose();
        var (m, d) = (model.Bank.Entries, (int)model.Bank.Features.shape[1]);
        var sample = model.Sample.ToArray();
        long length = HeaderBytes + sample.Length * 8L + entries.Length * 4L + m * 8L + model.Centroid.Length * 4L + SealedFile.ChecksumBytes;
        if (length > Array.MaxLength) throw new ArgumentException($"GroupModelFormat: a bank of {length} bytes is too large for one file.");
        var bytes = new byte[length];
        var span = bytes.AsSpan();
        Magic.CopyTo(span);
        var at = 4;
        Int(span, ref at, Version);
        Convert.FromHexString(key).CopyTo(span[at..]);
        at += KeyBytes;
        foreach (var v in new[] { m, d, model.Members, model.Centroid.Length, sample.Length, settings.Seed, settings.ProjectionDim })
            Int(span, ref at, v);
        Double(span, ref at, model.BuildSeconds);
        foreach (var v in sample) Double(span, ref at, v);
        at += Copy(MemoryMarshal.AsBytes(entries.AsSpan()), span[at..]);
        at += Copy(MemoryMarshal.AsBytes(model.Bank.SourceImage.AsSpan()), span[at..]);
        Copy(MemoryMarshal.AsBytes(model.Centroid.AsSpan()), span[at..]);
        SealedFile.Seal(span);
        return bytes;
    }

    /// <summary>The group model in <paramref name="bytes"/>, or null and a reason when anything is off.</summary>
    public static GroupModel? TryDecode(ReadOnlySpan<byte> bytes, string key, int groupId, out string reason)
    {
        reason = "";
        if (bytes.Length < HeaderBytes + SealedFile.ChecksumBytes) { reason = $"only {bytes.Length} bytes"; return null; }
        if (!bytes[..4].SequenceEqual(Magic)) { reason = "bad magic"; return null; }
        var at = 4;
        if (ReadInt(bytes, ref at) is var version && version != Version) { reason = $"format version {version}, expected {Version}"; return null; }
        if (!bytes.Slice(at, KeyBytes).SequenceEqual(Convert.FromHexString(key))) { reason = "entry belongs to another key"; return null; }
        at += KeyBytes;
        int m = ReadInt(bytes, ref at), d = ReadInt(bytes, ref at), members = ReadInt(bytes, ref at), centroidLength = ReadInt(bytes, ref at);
        var sampleSize = ReadInt(bytes, ref at);
        at += 8; // seed and projection dim: recorded for people reading the store; the key already covers them
        if (m <= 0 || d <= 0 || members <= 0 || centroidLength < 0 || sampleSize < 0) { reason = $"bad sizes {m}×{d}"; return null; }
        long expected = HeaderBytes + sampleSize * 8L + (long)m * d * 4 + m * 8L + centroidLength * 4L + SealedFile.ChecksumBytes;
        if (bytes.Length != expected) { reason = $"length {bytes.Length}, expected {expected}"; return null; }
        if (!SealedFile.IsIntact(bytes)) { reason = "checksum mismatch"; return null; }

        var buildSeconds = ReadDouble(bytes, ref at);
        var sample = new double[sampleSize];
        for (var i = 0; i < sampleSize; i++) sample[i] = ReadDouble(bytes, ref at);
        var entries = MemoryMarshal.Cast<byte, float>(bytes.Slice(at, m * d * 4)).ToArray();
        at += m * d * 4;
        var sources = MemoryMarshal.Cast<byte, long>(bytes.Slice(at, m * 8)).ToArray();
        at += m * 8;
        var centroid = MemoryMarshal.Cast<byte, float>(bytes.Slice(at, centroidLength * 4)).ToArray();
        using var features = tensor(entries, [m, d]);
        var bank = MemoryBank.FromEntries(features, sources);
        return new GroupModel(groupId, bank, sample, centroid, members, buildSeconds);
    }

    static void Int(Span<byte> s, ref int at, int v) { BinaryPrimitives.WriteInt32LittleEndian(s[at..], v); at += 4; }
    static void Double(Span<byte> s, ref int at, double v) { BinaryPrimitives.WriteDoubleLittleEndian(s[at..], v); at += 8; }
    static int ReadInt(ReadOnlySpan<byte> s, ref int at) { var v = BinaryPrimitives.ReadInt32LittleEndian(s[at..]); at += 4; return v; }
    static double ReadDouble(ReadOnlySpan<byte> s, ref int at) { var v = BinaryPrimitives.ReadDoubleLittleEndian(s[at..]); at += 8; return v; }
    static int Copy(ReadOnlySpan<byte> from, Span<byte> to) { from.CopyTo(to); return from.Length; }
}
