using System.Formats.Tar;
using System.IO.Compression;
using System.Text;
using HierCore.Engine.Datasets.Textures;

namespace HierCore.Engine.Tests.Datasets.Textures;

/// <summary>
/// A tiny stand-in for 0textures.pk3 written by the tests: three procedural photos under pk3-like entry
/// names, plus the matching catalog and a .deb/folder wrapping of the same archive.
/// </summary>
internal sealed class SyntheticTextureArchive : IDisposable
{
    public const string StripesEntry = "textures/tex_test/stripes.png";
    public const string SpotsEntry = "textures/tex_test/spots.png";
    public const string StainEntry = "textures/tex_test/stain.png";
    public const string ChecksEntry = "textures/tex_test/checks.png";
    public const int ImageSize = 64;

    public SyntheticTextureArchive()
    {
        Root = Path.Combine(Path.GetTempPath(), $"hiercore-textures-test-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Root);
        Pk3Path = Path.Combine(Root, "0textures.pk3");
        using var zip = ZipFile.Open(Pk3Path, ZipArchiveMode.Create);
        AddPng(zip, StripesEntry, 200, 150, (x, y) => (120 + 60 * ((x / 6) % 2) + (x * 7 + y * 13) % 23, 90 + (y * 5) % 31, 60 + (x * y) % 17));
        AddPng(zip, SpotsEntry, 160, 160, (x, y) => ((x * x + y * 3) % 97 + 40, (x * 11 + y * y) % 89 + 60, 150 + (x + y) % 41));
        AddPng(zip, ChecksEntry, 180, 140, (x, y) => (100 + 50 * (((x / 9) + (y / 9)) % 2) + (x * 5 + y) % 19, 110 + (x + y * 7) % 27, 80 + (x * 3) % 23));
        AddPng(zip, StainEntry, 64, 64, (x, y) => (20 + (x * 3) % 29, 200 - (y * 2) % 37, 30));
    }

    public string Root { get; }
    public string Pk3Path { get; }

    public static TextureCatalog Catalog { get; } = new(
        [new TextureClass("stripes", [StripesEntry], 1.0), new TextureClass("spots", [SpotsEntry], 1.0, AllowFlips: true)],
        [StainEntry]);

    /// <summary>The i.i.d. table: "stripes" is one material photographed twice.</summary>
    public static TextureCatalog IidCatalog { get; } = new(
        [new TextureClass("stripes", [StripesEntry, ChecksEntry], 1.0), new TextureClass("spots", [SpotsEntry], 1.0, AllowFlips: true)],
        [StainEntry]);

    /// <summary>The drift (bands) split, which the older tests describe.</summary>
    public TexturesOptions Options(string output, int seed = 7) =>
        new(Pk3Path, output, seed, ImageSize) { Split = TexturesSplit.Bands, TrainPerClass = 4, TestGoodPerClass = 2, DefectsPerType = 2, Catalog = Catalog };

    /// <summary>The i.i.d. split: 3 + 2 + 4 × 1 = 9 crops per class.</summary>
    public TexturesOptions IidOptions(string output, int seed = 7) =>
        new(Pk3Path, output, seed, ImageSize) { TrainPerClass = 3, TestGoodPerClass = 2, DefectsPerType = 1, Catalog = IidCatalog };

    public string NewOutput(string name) => Path.Combine(Root, "out", name);

    /// <summary>The archive as an extracted package folder: DIR/usr/share/games/ufoai/base/0textures.pk3.</summary>
    public string WriteExtractedFolder()
    {
        var folder = Path.Combine(Root, "extracted");
        var pk3 = Path.Combine(folder, TexturesSource.Pk3RelativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(pk3)!);
        File.Copy(Pk3Path, pk3);
        return folder;
    }

    /// <summary>The archive wrapped like Debian does: ar(debian-binary, control.tar.gz, data.tar.gz).</summary>
    public string WriteDeb()
    {
        var deb = Path.Combine(Root, "ufoai-textures_0.0-test_all.deb");
        using var output = File.Create(deb);
        output.Write(Encoding.ASCII.GetBytes("!<arch>\n"));
        WriteArMember(output, "debian-binary", Encoding.ASCII.GetBytes("2.0\n"));
        WriteArMember(output, "control.tar.gz", GzipTar("./control", Encoding.ASCII.GetBytes("Package: ufoai-textures\n")));
        WriteArMember(output, "data.tar.gz", GzipTar("./" + TexturesSource.Pk3RelativePath, File.ReadAllBytes(Pk3Path)));
        return deb;
    }

    public void Dispose()
    {
        if (Directory.Exists(Root)) Directory.Delete(Root, recursive: true);
    }

    private static void AddPng(ZipArchive zip, string entry, int w, int h, Func<int, int, (int R, int G, int B)> colour)
    {
        var rgb = new byte[w * h * 3];
        for (var y = 0; y < h; y++)
        for (var x = 0; x < w; x++)
        {
            var (r, g, b) = colour(x, y);
            var i = (y * w + x) * 3;
            rgb[i] = (byte)Math.Clamp(r, 0, 255); rgb[i + 1] = (byte)Math.Clamp(g, 0, 255); rgb[i + 2] = (byte)Math.Clamp(b, 0, 255);
        }
        using var s = zip.CreateEntry(entry).Open();
        s.Write(TextureCodec.EncodeRgbPng(rgb, w, h));
    }

    private static byte[] GzipTar(string name, byte[] content)
    {
        using var buffer = new MemoryStream();
        using (var gz = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        using (var tar = new TarWriter(gz, TarEntryFormat.Gnu, leaveOpen: true))
        {
            tar.WriteEntry(new GnuTarEntry(TarEntryType.Directory, "./usr/"));
            tar.WriteEntry(new GnuTarEntry(TarEntryType.RegularFile, name) { DataStream = new MemoryStream(content) });
        }
        return buffer.ToArray();
    }

    private static void WriteArMember(Stream output, string name, byte[] data)
    {
        var header = $"{name,-16}{0,-12}{0,-6}{0,-6}{"100644",-8}{data.Length,-10}`\n";
        output.Write(Encoding.ASCII.GetBytes(header));
        output.Write(data);
        if (data.Length % 2 == 1) output.WriteByte((byte)'\n');
    }
}
