namespace HierCore.Engine.Contracts;

/// <summary>Progress of a run: one of <see cref="RunPhases"/> and done/total within it.</summary>
public sealed record RunProgress(string Phase, int Done, int Total, string? Message = null)
{
    public double Fraction => Total <= 0 ? 0 : Math.Clamp((double)Done / Total, 0, 1);
}
