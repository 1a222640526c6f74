using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;
using HierCore.Engine.Storage;

namespace HierCore.Engine.Features;

/// <summary>
/// Disk cache of image features keyed by (image content, settings) — METHOD.md §2.5: features depend only
/// on the image and the extraction settings, so every run of a sweep reuses them.
/// Layout: <c>root/&lt;settings-id&gt;/&lt;hash[0..2]&gt;/&lt;hash&gt;.bin</c>, where settings-id is a short
/// SHA-256 of the settings key plus the storage type (a <c>settings.txt</c> beside it spells the key out).
/// Writes go to a temp file in the target folder, then an atomic rename, so concurrent workers never leave
/// a half-written entry; a corrupt or truncated entry is deleted and reported as a miss.
/// </summary>
public sealed class FeatureCache
{
    private long _hits, _misses, _writes, _corrupt;

    public FeatureCache(string root, FeatureStorage storage = FeatureStorage.Float16)
    {
        ArgumentException.ThrowIfNullOrEmpty(root);
        if (!BitConverter.IsLittleEndian)
            throw new PlatformNotSupportedException("FeatureCache: entries are little-endian; this host is big-endian.");
        if (!Enum.IsDefined(storage)) throw new ArgumentOutOfRangeException(nameof(storage), storage, "FeatureCache: unknown storage type.");
        Root = Path.GetFullPath(root);
        Storage = storage;
    }

    public string Root { get; }
    public FeatureStorage Storage { get; }

    public long Hits => Interlocked.Read(ref _hits);
    public long Misses => Interlocked.Read(ref _misses);
    public long Writes => Interlocked.Read(ref _writes);
    public long CorruptDetected => Interlocked.Read(ref _corrupt);

    /// <summary>Raised with (path, reason) when a corrupt entry is found and deleted.</summary>
    public event Action<string, string>? CorruptEntry;

    public bool TryGet(string imagePath, string settingsKey, out ImageFeatures features) =>
        TryGetByHash(ContentHash.Of(imagePath), settingsKey, out features);

    public void Put(string imagePath, string settingsKey, ImageFeatures features) =>
        PutByHash(ContentHash.Of(imagePath), settingsKey, features);

    public bool TryGetByHash(string contentHash, string settingsKey, out ImageFeatures features)
    {
        features = null!;
        byte[]? buffer = null;
        if (!TryGetEntry(contentHash, settingsKey, ref buffer, out var length, out _)) return false;
        features = FeatureCacheFormat.TryDecode(buffer.AsSpan(0, length), contentHash, Storage, out _)!;
        return true;
    }

    /// <summary>
    /// A checked entry's raw bytes (<c>buffer[..length]</c>) and layout, for readers that copy the stored payload
    /// straight into a tensor (no float conversion per value). The entry is read into <paramref name="buffer"/>,
    /// which a reader of many entries passes again (see <see cref="SealedFile.TryReadInto"/>). A corrupt entry is
    /// deleted and reported as a miss.
    /// </summary>
    public bool TryGetEntry(string contentHash, string settingsKey, [NotNullWhen(true)] ref byte[]? buffer, out int length,
        out FeatureCacheFormat.Layout layout)
    {
        var path = EntryPath(contentHash, settingsKey);
        layout = default;
        length = SealedFile.TryReadInto(path, ref buffer);
        if (length < 0 || buffer is null) // TryReadInto leaves a buffer whenever it read a file
        {
            Interlocked.Increment(ref _misses);
            return false;
        }
        if (!FeatureCacheFormat.TryCheck(buffer.AsSpan(0, length), contentHash, Storage, out layout, out var reason))
        {
            // Deleting may race with a writer that just renamed a good entry in; that only costs a recompute.
            SealedFile.TryDelete(path);
            Interlocked.Increment(ref _corrupt);
            Interlocked.Increment(ref _misses);
            CorruptEntry?.Invoke(path, reason);
            return false;
        }
        Interlocked.Increment(ref _hits);
        return true;
    }

    public void PutByHash(string contentHash, string settingsKey, ImageFeatures features)
    {
        ArgumentNullException.ThrowIfNull(features);
        var path = EntryPath(contentHash, settingsKey);
        var bytes = FeatureCacheFormat.Encode(features, contentHash, Storage);
        WriteSettingsNote(settingsKey);
        SealedFile.WriteAtomically(path, bytes);
        Interlocked.Increment(ref _writes);
    }

    /// <summary>The features a reader of this cache would get back for <paramref name="features"/> (float16 rounding applied).</summary>
    public ImageFeatures AsStored(ImageFeatures features) =>
        Storage == FeatureStorage.Float32 ? features : features with { Patches = FeatureCacheFormat.AsStored(features.Patches, Storage) };

    /// <summary>Folder of one settings partition.</summary>
    public string PartitionFolder(string settingsKey)
    {
        ArgumentException.ThrowIfNullOrEmpty(settingsKey);
        var id = SHA256.HashData(Encoding.UTF8.GetBytes($"{settingsKey}|storage={Storage}"));
        return Path.Combine(Root, Convert.ToHexStringLower(id)[..16]);
    }

    public string EntryPath(string contentHash, string settingsKey)
    {
        ArgumentNullException.ThrowIfNull(contentHash);
        if (!ContentHash.IsValid(contentHash))
            throw new ArgumentException($"FeatureCache: '{contentHash}' is not a lower-case SHA-256 hex string.", nameof(contentHash));
        return Path.Combine(PartitionFolder(settingsKey), contentHash[..2], contentHash + ".bin");
    }

    private void WriteSettingsNote(string settingsKey)
    {
        var note = Path.Combine(PartitionFolder(settingsKey), "settings.txt");
        if (!File.Exists(note)) SealedFile.WriteAtomically(note, Encoding.UTF8.GetBytes($"{settingsKey}\nstorage={Storage}\n"));
    }
}
