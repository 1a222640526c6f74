namespace HierCore.Lab.Tests.Fakes;

/// <summary>This process's clock, set wrong on purpose: a worker machine whose clock is off by <see cref="Offset"/>.</summary>
public sealed class SkewedClock : TimeProvider
{
    public TimeSpan Offset { get; set; }
    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + Offset;
}
