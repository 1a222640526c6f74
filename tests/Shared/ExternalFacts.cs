using HierCore.Engine.Datasets.Textures;

namespace HierCore.Tests.Shared;

/// <summary>
/// A test that needs something from the machine (a browser, a Debian package, a tool). Without it the test is
/// SKIPPED on a developer machine and RUNS on CI (CI set), where the missing dependency makes it fail loudly:
/// it never returns early as passed. Shared by every test project (linked from tests/Shared).
/// </summary>
public abstract class ExternalFactAttribute : FactAttribute
{
    /// <param name="missing">What is missing and how to get it, or null when the machine has it.</param>
    protected ExternalFactAttribute(string? missing)
    {
        if (missing is not null && !OnCi) Skip = $"{missing}; skipped outside CI.";
    }

    public static bool OnCi => !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI"));

    /// <summary>True when an executable of this name is on the PATH.</summary>
    public static bool OnPath(string command) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Any(dir => File.Exists(Path.Combine(dir, command)));
}

/// <summary>Needs Debian's ufoai-textures (installed, $HIERCORE_UFOAI_TEXTURES, or a .deb in the working folder).</summary>
public sealed class TexturesFactAttribute() : ExternalFactAttribute(TexturesSource.Locate() is null
    ? "ufoai-textures is missing (apt-get install -y ufoai-textures, or set " + TexturesSource.EnvironmentVariable + ")"
    : null);

/// <summary>Needs dpkg-deb (Debian's dpkg package).</summary>
public sealed class DpkgDebFactAttribute() : ExternalFactAttribute(ExternalFactAttribute.OnPath("dpkg-deb") ? null : "dpkg-deb is missing (apt-get install -y dpkg)");
