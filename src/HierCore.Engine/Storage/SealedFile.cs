using System.Security.Cryptography;

namespace HierCore.Engine.Storage;

/// <summary>
/// The on-disk discipline shared by the feature cache and the bank store: every file ends with a SHA-256 of all
/// preceding bytes (a truncated or bit-flipped entry is detected, never used), and is written to a temp file in
/// the target folder and renamed into place, so a concurrent reader or a crash never sees half an entry.
/// SHA-256 is in the BCL and hardware-accelerated, so no extra package is needed.
/// </summary>
public static class SealedFile
{
    public const int ChecksumBytes = 32;

    /// <summary>Writes the checksum of <c>bytes[..^32]</c> into the last 32 bytes.</summary>
    public static void Seal(Span<byte> bytes)
    {
        if (bytes.Length < ChecksumBytes) throw new ArgumentException("SealedFile: buffer has no room for its checksum.", nameof(bytes));
        var body = bytes.Length - ChecksumBytes;
        SHA256.HashData(bytes[..body], bytes[body..]);
    }

    /// <summary>True when the last 32 bytes are the SHA-256 of everything before them.</summary>
    public static bool IsIntact(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < ChecksumBytes) return false;
        var body = bytes.Length - ChecksumBytes;
        Span<byte> checksum = stackalloc byte[ChecksumBytes];
        SHA256.HashData(bytes[..body], checksum);
        return checksum.SequenceEqual(bytes[body..]);
    }

    /// <summary>Temp file beside <paramref name="path"/>, then an atomic rename over it.</summary>
    public static void WriteAtomically(string path, byte[] bytes)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var temp = $"{path}.{Guid.NewGuid():N}.tmp";
        try
        {
            File.WriteAllBytes(temp, bytes);
            File.Move(temp, path, overwrite: true);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    /// <summary>The file's bytes, or null when it does not exist.</summary>
    public static byte[]? TryReadAll(string path)
    {
        try { return File.ReadAllBytes(path); }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException) { return null; }
    }

    /// <summary>
    /// Reads the whole file into <paramref name="buffer"/> (replaced by a larger one when too small) and returns its
    /// length, or -1 when it does not exist. Readers of many same-sized entries (the feature cache) reuse one buffer,
    /// so reading a dataset's features makes no garbage: a fresh array per 1.6 MB entry lands on the large-object
    /// heap, which is collected late, and a unified bank's read would otherwise hold its patches twice.
    /// </summary>
    public static int TryReadInto(string path, ref byte[]? buffer)
    {
        try
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, bufferSize: 1);
            var length = checked((int)file.Length);
            if (buffer is null || buffer.Length < length) buffer = new byte[length];
            file.ReadExactly(buffer, 0, length);
            return length;
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException) { return -1; }
    }

    /// <summary>Deletes if possible; a failure (e.g. a racing writer) only costs a recompute later.</summary>
    public static void TryDelete(string path)
    {
        try { File.Delete(path); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
