namespace HierCore.Engine.Features;

/// <summary>Element type of cached patch vectors. The descriptor is always float32.</summary>
public enum FeatureStorage
{
    /// <summary>System.Half: half the disk; relative rounding ≤ 2⁻¹¹ per value.</summary>
    Float16 = 1,
    /// <summary>Exact copy of what the extractor computed.</summary>
    Float32 = 2,
}
