namespace HierCore.Engine.Datasets.Demo;

/// <summary>How much of the demo dataset to make. The default is the shipped size; tests use a reduced one.</summary>
/// <param name="ImageSize">Side in pixels; the picture is the same at any size (drawn on a 256-unit canvas).</param>
/// <param name="TestDefective">Defective test images per class, shared between its defect types.</param>
/// <param name="Classes">A subset of the class names, or null for all.</param>
public sealed record DemoSize(int ImageSize = 256, int Train = 60, int TestGood = 10, int TestDefective = 20, IReadOnlyList<string>? Classes = null)
{
    public static DemoSize Default { get; } = new();

    /// <summary>The demo's class names, in generation order.</summary>
    public static IReadOnlyList<string> AllClasses => [.. Demo.DemoClass.All.Select(c => c.Name)];
}
