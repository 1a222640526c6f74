using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace HierCore.Engine.Features;

/// <summary>
/// SHA-256 of an image file's bytes (lower-case hex). Features are keyed by content, not path, so the same
/// image under two paths (a copied dataset, a symlinked class) is computed and stored once.
/// </summary>
public static class ContentHash
{
    // Hashing a 1 MB PNG costs ~1 ms; a sweep asks for the same file once per run, so remember the answer
    // while the file's size and write time are unchanged.
    private static readonly ConcurrentDictionary<string, (long Length, DateTime WrittenUtc, string Hash)> Known =
        new(StringComparer.Ordinal);

    public static string Of(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var info = new FileInfo(path);
        if (!info.Exists) throw new FileNotFoundException($"ContentHash: image file not found: {path}", path);
        var key = info.FullName;
        if (Known.TryGetValue(key, out var known) && known.Length == info.Length && known.WrittenUtc == info.LastWriteTimeUtc)
            return known.Hash;
        string hash;
        using (var stream = File.OpenRead(key))
            hash = Convert.ToHexStringLower(SHA256.HashData(stream));
        Known[key] = (info.Length, info.LastWriteTimeUtc, hash);
        return hash;
    }

    internal static bool IsValid(string hash) =>
        hash.Length == 64 && hash.All(c => c is >= '0' and <= '9' or >= 'a' and <= 'f');
}
