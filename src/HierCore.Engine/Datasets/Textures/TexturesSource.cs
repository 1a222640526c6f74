using HierCore.Engine.Contracts;

namespace HierCore.Engine.Datasets.Textures;

/// <summary>Finds and opens the Debian ufoai-textures package in any of its three shapes.</summary>
public static class TexturesSource
{
    public const string PackageName = "ufoai-textures";
    public const string Pk3RelativePath = "usr/share/games/ufoai/base/0textures.pk3";
    public const string InstalledPk3Path = "/" + Pk3RelativePath;

    /// <summary>Environment variable that overrides <see cref="Locate"/>.</summary>
    public const string EnvironmentVariable = "HIERCORE_UFOAI_TEXTURES";

    /// <summary>
    /// The package in the usual places: $HIERCORE_UFOAI_TEXTURES, the installed pk3, or a
    /// ufoai-textures_*.deb in <paramref name="searchDirectory"/> (default: current directory). Null if none.
    /// </summary>
    public static string? Locate(string? searchDirectory = null) =>
        Locate(searchDirectory ?? Directory.GetCurrentDirectory(), Environment.GetEnvironmentVariable(EnvironmentVariable), InstalledPk3Path);

    internal static string? Locate(string searchDirectory, string? overridePath, string installedPk3)
    {
        if (!string.IsNullOrWhiteSpace(overridePath) && (File.Exists(overridePath) || Directory.Exists(overridePath)))
            return Path.GetFullPath(overridePath);
        if (File.Exists(installedPk3)) return installedPk3;
        if (!Directory.Exists(searchDirectory)) return null;
        // Highest version last in ordinal order is good enough for Debian's name_version_arch.deb.
        return Directory.EnumerateFiles(searchDirectory, PackageName + "_*.deb").Order(StringComparer.Ordinal).LastOrDefault();
    }

    /// <summary>
    /// Opens <paramref name="path"/>: the .pk3 itself, the .deb, or a folder where the package was
    /// extracted (holding usr/share/games/ufoai/base/0textures.pk3, base/0textures.pk3 or 0textures.pk3).
    /// </summary>
    public static TextureArchive Open(string path)
    {
        if (string.IsNullOrWhiteSpace(path))
            throw new DatasetException($"No texture source given. Install or download the Debian package '{PackageName}' " +
                                       $"(apt-get download {PackageName}) and pass the .deb, its extracted folder or 0textures.pk3.");
        var full = Path.GetFullPath(path);
        if (Directory.Exists(full))
        {
            string[] candidates = [Pk3RelativePath, "base/0textures.pk3", "0textures.pk3"];
            var pk3 = candidates.Select(c => Path.Combine(full, c)).FirstOrDefault(File.Exists)
                ?? throw new DatasetException($"Folder '{full}' holds no 0textures.pk3 (looked for {string.Join(", ", candidates)}).");
            return new TextureArchive(pk3, $"{Path.GetFileName(pk3)} in folder {full}");
        }
        if (!File.Exists(full))
            throw new DatasetException($"Texture source '{full}' does not exist. Get it with `apt-get download {PackageName}` " +
                                       "and pass the .deb, its extracted folder or 0textures.pk3.");
        if (full.EndsWith(".deb", StringComparison.OrdinalIgnoreCase))
        {
            var temp = DebPackage.ExtractToTempFile(full, "/0textures.pk3");
            return new TextureArchive(temp, $"0textures.pk3 from {full}", temp);
        }
        return new TextureArchive(full, Path.GetFileName(full));
    }
}
