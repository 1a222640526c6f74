using HierCore.Engine.Contracts;
using HierCore.Engine.Datasets.Textures;
using HierCore.Engine.Datasets;
using HierCore.Tests.Shared;

namespace HierCore.Engine.Tests.Datasets.Textures;

public sealed class TexturesSourceTests : IDisposable
{
    private readonly SyntheticTextureArchive _archive = new();

    public void Dispose() => _archive.Dispose();

    [Fact]
    public void A_missing_source_is_a_clear_error_naming_the_path_and_the_package()
    {
        var missing = Path.Combine(_archive.Root, "nowhere", "0textures.pk3");
        var e = Assert.Throws<DatasetException>(() => TexturesGenerator.Generate(_archive.Options(_archive.NewOutput("x")) with { Source = missing }));
        Assert.Contains(missing, e.Message);
        Assert.Contains("ufoai-textures", e.Message);
    }

    [Fact]
    public void A_missing_entry_is_named_with_its_class()
    {
        var catalog = SyntheticTextureArchive.Catalog with
        {
            Classes = [.. SyntheticTextureArchive.Catalog.Classes, new TextureClass("cloth", ["textures/tex_test/no_such.png"], 1.0)],
        };
        var e = Assert.Throws<DatasetException>(() => TexturesGenerator.Generate(_archive.Options(_archive.NewOutput("x")) with { Catalog = catalog }));
        Assert.Contains("textures/tex_test/no_such.png", e.Message);
        Assert.Contains("cloth", e.Message);
        Assert.False(Directory.Exists(_archive.NewOutput("x")));
    }

    [Fact]
    public void A_photo_too_small_for_disjoint_crops_names_the_class()
    {
        var catalog = SyntheticTextureArchive.Catalog with
        {
            Classes = [SyntheticTextureArchive.Catalog.Classes[0] with { SourceScale = 2.0 }, SyntheticTextureArchive.Catalog.Classes[1]],
        };
        var e = Assert.Throws<DatasetException>(() => TexturesGenerator.Generate(_archive.Options(_archive.NewOutput("x")) with { Catalog = catalog }));
        Assert.Contains("stripes", e.Message);
        Assert.Contains(SyntheticTextureArchive.StripesEntry, e.Message);
    }

    [Fact]
    public void Files_that_are_not_archives_are_rejected_clearly()
    {
        var notZip = Path.Combine(_archive.Root, "fake.pk3");
        File.WriteAllText(notZip, "not a zip");
        Assert.Contains(notZip, Assert.Throws<DatasetException>(() => TexturesSource.Open(notZip)).Message);

        var notDeb = Path.Combine(_archive.Root, "fake.deb");
        File.WriteAllText(notDeb, "not an ar archive");
        Assert.Contains(notDeb, Assert.Throws<DatasetException>(() => TexturesSource.Open(notDeb)).Message);

        var truncated = Path.Combine(_archive.Root, "ufoai-textures_truncated.deb");
        var whole = File.ReadAllBytes(_archive.WriteDeb());
        File.WriteAllBytes(truncated, whole[..(whole.Length / 2)]);
        Assert.Contains(truncated, Assert.Throws<DatasetException>(() => TexturesSource.Open(truncated)).Message);

        var emptyFolder = Path.Combine(_archive.Root, "empty");
        Directory.CreateDirectory(emptyFolder);
        Assert.Contains("0textures.pk3", Assert.Throws<DatasetException>(() => TexturesSource.Open(emptyFolder)).Message);
    }

    [Fact]
    public void The_deb_is_unpacked_to_a_temporary_pk3_that_is_removed_on_dispose()
    {
        string temp;
        using (var archive = TexturesSource.Open(_archive.WriteDeb()))
        {
            Assert.True(archive.Contains(SyntheticTextureArchive.SpotsEntry));
            temp = archive.TemporaryFile!;
            Assert.True(File.Exists(temp));
        }
        Assert.False(File.Exists(temp));
    }

    [DpkgDebFact]
    public void An_xz_compressed_deb_is_read_through_dpkg_deb()
    {
        var package = Path.Combine(_archive.Root, "pkg");
        Directory.CreateDirectory(Path.Combine(package, "DEBIAN"));
        File.WriteAllText(Path.Combine(package, "DEBIAN", "control"),
            "Package: ufoai-textures\nVersion: 0.0\nArchitecture: all\nMaintainer: test <t@example.org>\nDescription: test\n");
        var pk3 = Path.Combine(package, TexturesSource.Pk3RelativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(pk3)!);
        File.Copy(_archive.Pk3Path, pk3);
        var deb = Path.Combine(_archive.Root, "xz.deb");
        using (var build = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("dpkg-deb", ["-Zxz", "--root-owner-group", "--build", package, deb])
            { RedirectStandardOutput = true, RedirectStandardError = true })!)
        {
            var error = build.StandardError.ReadToEnd();
            build.WaitForExit();
            Assert.True(build.ExitCode == 0, $"dpkg-deb could not build the test package: {error}");
        }
        using var archive = TexturesSource.Open(deb);
        Assert.Equal(File.ReadAllBytes(Path.Combine(_archive.Root, "0textures.pk3")), File.ReadAllBytes(archive.TemporaryFile!));
    }

    [Fact]
    public void Locate_prefers_the_override_then_the_installed_pk3_then_a_deb_in_the_search_folder()
    {
        var noInstall = Path.Combine(_archive.Root, "not-installed.pk3");
        Assert.Null(TexturesSource.Locate(_archive.Root, null, noInstall));

        var deb = _archive.WriteDeb();
        Assert.Equal(deb, TexturesSource.Locate(_archive.Root, null, noInstall));
        Assert.Equal(_archive.Pk3Path, TexturesSource.Locate(_archive.Root, null, _archive.Pk3Path));

        var folder = _archive.WriteExtractedFolder();
        Assert.Equal(folder, TexturesSource.Locate(_archive.Root, folder, _archive.Pk3Path));
        Assert.Equal(_archive.Pk3Path, TexturesSource.Locate(_archive.Root, Path.Combine(_archive.Root, "missing"), _archive.Pk3Path));
    }
}
