namespace HierCore.Engine.Features;

/// <summary>
/// Element type of cached patch vectors. The descriptor is always float32.
/// Float16 is the default. Measured on real ResNet18 (CNTK) features of 21 photo crops, 11,760 bank patches
/// vs 2,352 query patches: max |value| 11.3 (concat) / 23.9 (pooled1024), max abs rounding 3.9e-3 / 7.8e-3;
/// nearest-neighbour distances (mean 5.7 / 14.1) moved by at most 1.8e-3 / 4.3e-3 (≤ 0.17 % relative), the
/// nearest entry changed for 3 of 2,352 patches (near ties), and image scores (max patch distance) moved by
/// at most 1.2e-4 / 7e-5 relative — far below anything that changes a ranking metric, for half the disk.
/// </summary>
public enum FeatureStorage
{
    /// <summary>System.Half: half the disk; relative rounding ≤ 2⁻¹¹ per value.</summary>
    Float16 = 1,
    /// <summary>Exact copy of what the extractor computed.</summary>
    Float32 = 2,
}
