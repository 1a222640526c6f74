using HierCore.Lab.Tests.Fakes;

namespace HierCore.Lab.Tests.Integration;

/// <summary>Integration tests share one running Lab (2 cores: one host at a time) and run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class LabCollection : ICollectionFixture<LabFactory>
{
    public const string Name = "lab";
}
