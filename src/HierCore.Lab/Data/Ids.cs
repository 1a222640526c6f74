namespace HierCore.Lab.Data;

/// <summary>Identity of one run (time-ordered Guid v7, so newer runs sort later).</summary>
public readonly record struct RunId(Guid Value)
{
    public static RunId New() => new(Guid.CreateVersion7());
    public static bool TryParse(string? text, out RunId id)
    {
        var ok = Guid.TryParse(text, out var g);
        id = new RunId(g);
        return ok;
    }
    public string Short => Value.ToString("N")[^8..]; // the random tail: v7 ids share their time prefix
    public override string ToString() => Value.ToString();
}

/// <summary>Identity of one sweep (dataset × methods × scenarios × settings × seeds).</summary>
public readonly record struct SweepId(Guid Value)
{
    public static SweepId New() => new(Guid.CreateVersion7());
    public static bool TryParse(string? text, out SweepId id)
    {
        var ok = Guid.TryParse(text, out var g);
        id = new SweepId(g);
        return ok;
    }
    public string Short => Value.ToString("N")[^8..]; // the random tail: v7 ids share their time prefix
    public override string ToString() => Value.ToString();
}
