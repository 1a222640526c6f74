namespace HierCore.Lab.Tests.ScaleOut;

/// <summary>The crash tests start several real Lab processes each: one test at a time.</summary>
[CollectionDefinition(Name)]
public sealed class ScaleOutCollection
{
    public const string Name = "scale-out";
}
