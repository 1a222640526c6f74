using System.Buffers.Binary;
using System.Runtime.InteropServices;
using HierCore.Engine.Storage;

namespace HierCore.Engine.Features;

/// <summary>
/// On-disk layout of one cache entry (little-endian):
/// magic "HCFC" · int32 version · int32 storage · int32 patchCount · int32 dim · int32 descriptorDim ·
/// 32-byte SHA-256 of the image content · patches (float16 or float32) · descriptor (float32) ·
/// 32-byte SHA-256 of every preceding byte (<see cref="SealedFile"/>); it costs well under a millisecond per entry.
/// </summary>
public static class FeatureCacheFormat
{
    /// <summary>Bump when extraction or layout changes; it is part of every settings key.</summary>
    public const int Version = 1;

    private static ReadOnlySpan<byte> Magic => "HCFC"u8;
    private const int HashBytes = SealedFile.ChecksumBytes;
    private const int HeaderBytes = 4 + 5 * sizeof(int) + HashBytes;

    public static byte[] Encode(ImageFeatures features, string contentHash, FeatureStorage storage)
    {
        features.Validate("FeatureCacheFormat.Encode");
        int elementBytes = storage == FeatureStorage.Float16 ? 2 : 4;
        long length = HeaderBytes + (long)features.Patches.Length * elementBytes + features.Descriptor.Length * 4L + HashBytes;
        if (length > int.MaxValue) throw new ArgumentException($"FeatureCacheFormat: entry of {length} bytes is too large.");
        var bytes = new byte[length];
        var span = bytes.AsSpan();
        Magic.CopyTo(span);
        BinaryPrimitives.WriteInt32LittleEndian(span[4..], Version);
        BinaryPrimitives.WriteInt32LittleEndian(span[8..], (int)storage);
        BinaryPrimitives.WriteInt32LittleEndian(span[12..], features.PatchCount);
        BinaryPrimitives.WriteInt32LittleEndian(span[16..], features.Dim);
        BinaryPrimitives.WriteInt32LittleEndian(span[20..], features.Descriptor.Length);
        Convert.FromHexString(contentHash).CopyTo(span[24..]);
        int offset = HeaderBytes;
        if (storage == FeatureStorage.Float16)
        {
            var halves = MemoryMarshal.Cast<byte, Half>(span.Slice(offset, features.Patches.Length * 2));
            for (int i = 0; i < halves.Length; i++) halves[i] = (Half)features.Patches[i];
        }
        else
            MemoryMarshal.AsBytes(features.Patches.AsSpan()).CopyTo(span[offset..]);
        offset += features.Patches.Length * elementBytes;
        MemoryMarshal.AsBytes(features.Descriptor.AsSpan()).CopyTo(span[offset..]);
        SealedFile.Seal(span);
        return bytes;
    }

    /// <summary>Where the parts of a checked entry lie.</summary>
    public readonly record struct Layout(int PatchCount, int Dim, int DescriptorDim, int PayloadOffset, int ElementBytes)
    {
        public int PayloadBytes => PatchCount * Dim * ElementBytes;
        public int DescriptorOffset => PayloadOffset + PayloadBytes;
    }

    /// <summary>Checks an entry (truncation, bad magic, checksum…); false and a reason when anything is off.</summary>
    public static bool TryCheck(ReadOnlySpan<byte> bytes, string contentHash, FeatureStorage storage, out Layout layout, out string reason)
    {
        reason = "";
        layout = default;
        if (bytes.Length < HeaderBytes + HashBytes) { reason = $"only {bytes.Length} bytes"; return false; }
        if (!bytes[..4].SequenceEqual(Magic)) { reason = "bad magic"; return false; }
        int version = BinaryPrimitives.ReadInt32LittleEndian(bytes[4..]);
        int stored = BinaryPrimitives.ReadInt32LittleEndian(bytes[8..]);
        int patchCount = BinaryPrimitives.ReadInt32LittleEndian(bytes[12..]);
        int dim = BinaryPrimitives.ReadInt32LittleEndian(bytes[16..]);
        int descriptorDim = BinaryPrimitives.ReadInt32LittleEndian(bytes[20..]);
        if (version != Version) { reason = $"format version {version}, expected {Version}"; return false; }
        if (stored != (int)storage) { reason = $"storage {stored}, expected {(int)storage}"; return false; }
        if (patchCount <= 0 || dim <= 0 || descriptorDim < 0) { reason = $"bad dimensions {patchCount}×{dim}, {descriptorDim}"; return false; }
        int elementBytes = storage == FeatureStorage.Float16 ? 2 : 4;
        long expected = HeaderBytes + (long)patchCount * dim * elementBytes + descriptorDim * 4L + HashBytes;
        if (bytes.Length != expected) { reason = $"length {bytes.Length}, expected {expected}"; return false; }
        if (!bytes.Slice(24, HashBytes).SequenceEqual(Convert.FromHexString(contentHash))) { reason = "entry belongs to other content"; return false; }
        if (!SealedFile.IsIntact(bytes)) { reason = "checksum mismatch"; return false; }
        layout = new Layout(patchCount, dim, descriptorDim, HeaderBytes, elementBytes);
        return true;
    }

    /// <summary>Parses an entry; returns null and a reason when anything is off (truncation, bad magic, checksum…).</summary>
    public static ImageFeatures? TryDecode(ReadOnlySpan<byte> bytes, string contentHash, FeatureStorage storage, out string reason)
    {
        if (!TryCheck(bytes, contentHash, storage, out var layout, out reason)) return null;
        var patches = new float[layout.PatchCount * layout.Dim];
        var payload = bytes.Slice(layout.PayloadOffset, layout.PayloadBytes);
        if (storage == FeatureStorage.Float16)
        {
            var halves = MemoryMarshal.Cast<byte, Half>(payload);
            for (int i = 0; i < patches.Length; i++) patches[i] = (float)halves[i];
        }
        else
            payload.CopyTo(MemoryMarshal.AsBytes(patches.AsSpan()));
        return new ImageFeatures(patches, layout.PatchCount, layout.Dim, Descriptor(bytes, layout));
    }

    /// <summary>The descriptor of a checked entry.</summary>
    public static float[] Descriptor(ReadOnlySpan<byte> bytes, Layout layout)
    {
        var descriptor = new float[layout.DescriptorDim];
        bytes.Slice(layout.DescriptorOffset, layout.DescriptorDim * 4).CopyTo(MemoryMarshal.AsBytes(descriptor.AsSpan()));
        return descriptor;
    }

    /// <summary>The values a reader of this storage gets back (float16 rounding applied), for runs that must not depend on cache state.</summary>
    public static float[] AsStored(float[] values, FeatureStorage storage)
    {
        if (storage == FeatureStorage.Float32) return values;
        var rounded = new float[values.Length];
        for (int i = 0; i < values.Length; i++) rounded[i] = (float)(Half)values[i];
        return rounded;
    }
}
