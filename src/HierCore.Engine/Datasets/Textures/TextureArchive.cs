using System.IO.Compression;
using HierCore.Engine.Contracts;

namespace HierCore.Engine.Datasets.Textures;

/// <summary>
/// The opened 0textures.pk3 (a zip). When it was unpacked from a .deb it lives in a temporary file
/// that is deleted on dispose.
/// </summary>
public sealed class TextureArchive : IDisposable
{
    private readonly ZipArchive _zip;
    private readonly string? _temporaryFile;

    /// <summary>The unpacked pk3 when the source was a .deb (deleted on dispose); null otherwise.</summary>
    internal string? TemporaryFile => _temporaryFile;

    internal TextureArchive(string pk3Path, string sourceDescription, string? temporaryFile = null)
    {
        SourceDescription = sourceDescription;
        _temporaryFile = temporaryFile;
        try
        {
            _zip = ZipFile.OpenRead(pk3Path);
        }
        catch (Exception e) when (e is InvalidDataException or IOException)
        {
            DeleteTemporary();
            throw new DatasetException($"'{pk3Path}' is not a readable zip/pk3 archive ({sourceDescription}): {e.Message}", e);
        }
    }

    /// <summary>How the archive was found (e.g. "0textures.pk3 from ufoai-textures_2.5-2_all.deb").</summary>
    public string SourceDescription { get; }

    public bool Contains(string entryName) => _zip.GetEntry(entryName) is not null;

    public byte[] ReadEntry(string entryName)
    {
        var entry = _zip.GetEntry(entryName)
            ?? throw new DatasetException($"Entry '{entryName}' is missing from the texture archive ({SourceDescription}). " +
                                          "Is this the Debian ufoai-textures 0textures.pk3?");
        using var stream = entry.Open();
        using var buffer = new MemoryStream((int)Math.Min(entry.Length, int.MaxValue));
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }

    public void Dispose()
    {
        _zip?.Dispose();
        DeleteTemporary();
    }

    private void DeleteTemporary()
    {
        if (_temporaryFile is not null && File.Exists(_temporaryFile)) File.Delete(_temporaryFile);
    }
}
