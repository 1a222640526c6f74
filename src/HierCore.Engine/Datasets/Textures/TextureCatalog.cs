using HierCore.Engine.Contracts;

namespace HierCore.Engine.Datasets.Textures;

/// <summary>One benchmark class: a stationary surface cut from one or a few photos of the archive.</summary>
/// <param name="Name">Class folder name (e.g. "concrete").</param>
/// <param name="Entries">Archive entry paths of the source photos.</param>
/// <param name="SourceScale">Source pixels per output pixel (&gt; 1 downsamples, which also breaks reduced palettes).</param>
/// <param name="AllowFlips">Mirror crops at random; only for textures without a lighting direction or orientation.</param>
public sealed record TextureClass(string Name, IReadOnlyList<string> Entries, double SourceScale, bool AllowFlips = false);

/// <summary>The class table plus the photos used to fill `stain` defects.</summary>
public sealed record TextureCatalog(IReadOnlyList<TextureClass> Classes, IReadOnlyList<string> StainSources)
{
    /// <summary>
    /// Chosen by viewing contact sheets of the ≥512 px colour textures in ufoai-textures 2.5: each photo
    /// has the same statistics everywhere (no rugs, windows or large single features), so crops from its
    /// right-hand test band look like crops from its left-hand train band.
    /// </summary>
    public static TextureCatalog Default { get; } = new(
        [
            new("concrete", ["textures/tex_ctp1/concrete_g_4.jpg"], 1.25, AllowFlips: true),   // 1024², fine grey concrete
            new("gravel", ["textures/tex_ctp1/concrete_g_10.jpg"], 1.25, AllowFlips: true),    // 1024², brown aggregate
            new("rock", ["textures/tex_nature/rock014.png"], 1.25),                            // 1024², grey schist, lit from above
            new("brick", ["textures/tex_mattn/wall_bricks005.jpg"], 1.25),                     // 1024×512, running-bond wall
            new("wood", ["textures/tex_ctp1/wood_b_10.jpg"], 0.9),                             // 512², light oak boards
            new("sand", ["textures/tex_nature/desert009.png"], 1.25),                          // 1024², wind ripples
            new("bark", ["textures/tex_nature/tree002.png"], 1.25),                            // 1024×512, furrowed bark
            new("metal_plate", ["textures/tex_material/metall007.png"], 0.9),                  // 512², diamond tread plate
        ],
        [
            "textures/tex_material/metall001.png", // rust
            "textures/tex_mattn/rust.jpg",         // flaking yellow paint
            "textures/tex_ctp1/ground_b_1.jpg",    // pine needles / debris
            "textures/tex_mattn/jute.jpg",         // woven jute
            "textures/tex_ctp1/asphalt_b_1.jpg",   // tar
            "textures/tex_mattn/dirt003.png",      // dirt
        ]);

    internal void Validate()
    {
        if (Classes.Count < 2)
            throw new DatasetException($"The texture catalog needs at least 2 classes (the `foreign` defect pastes another class); it has {Classes.Count}.");
        if (StainSources.Count == 0)
            throw new DatasetException("The texture catalog lists no stain source photos.");
        var invalid = Path.GetInvalidFileNameChars();
        foreach (var c in Classes)
        {
            if (string.IsNullOrWhiteSpace(c.Name) || c.Name.IndexOfAny(invalid) >= 0 || c.Name is "." or "..")
                throw new DatasetException($"Texture class name '{c.Name}' is not a valid folder name.");
            if (c.Entries.Count == 0)
                throw new DatasetException($"Texture class '{c.Name}' lists no source photos.");
            if (!(c.SourceScale is > 0.25 and < 8))
                throw new DatasetException($"Texture class '{c.Name}': SourceScale {c.SourceScale} must lie in (0.25, 8).");
        }
        var duplicate = Classes.GroupBy(c => c.Name, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new DatasetException($"Texture class '{duplicate.Key}' appears twice in the catalog.");
    }
}
