namespace HierCore.Lab.Hosting;

/// <summary>Section "Sweeps".</summary>
public sealed class SweepOptions
{
    /// <summary>Largest number of runs one sweep may queue (form and API).</summary>
    public int MaxRuns { get; set; } = HierCore.Engine.Sweeps.SweepPlanner.DefaultMaxRuns;
}
