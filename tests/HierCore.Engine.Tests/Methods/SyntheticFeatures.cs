using HierCore.Engine.Features;
using HierCore.Engine.Methods;
using static TorchSharp.torch;

namespace HierCore.Engine.Tests.Methods;

/// <summary>
/// Feature sets with known structure, no backbone: each class has its own patch distribution (centre and
/// spread, so each scores on its own scale) and its own descriptor direction. Anomalous images have a few
/// patches pushed off the class distribution.
/// </summary>
public static class SyntheticFeatures
{
    public sealed record Class(string Name, float Centre, float Spread, int DescriptorAxis);

    public static readonly Class[] TwoScales = [new("calm", 0f, 0.3f, 0), new("busy", 6f, 2.0f, 1)];

    public static (FeatureSet Set, string[] Labels, bool[] Anomalous) Make(Class[] classes, int perClass, int anomalousPerClass, int seed,
        int patches = 16, int dim = 8, float defect = 4f)
    {
        var rng = new Random(seed);
        var n = classes.Length * perClass;
        var data = new float[n * patches * dim];
        var descriptors = new float[n][];
        var labels = new string[n];
        var anomalous = new bool[n];
        var keys = new string[n];
        var i = 0;
        foreach (var c in classes)
            for (var k = 0; k < perClass; k++, i++)
            {
                labels[i] = c.Name;
                anomalous[i] = k < anomalousPerClass;
                keys[i] = $"{seed:x}-{i:x}-{Guid.NewGuid():N}"; // opaque, like a content hash
                for (var p = 0; p < patches; p++)
                    for (var d = 0; d < dim; d++)
                        data[(i * patches + p) * dim + d] = c.Centre + c.Spread * (float)Gaussian(rng);
                if (anomalous[i])
                    for (var p = 0; p < 2; p++)
                        for (var d = 0; d < dim; d++)
                            data[(i * patches + p) * dim + d] += c.Spread * defect;
                var desc = new float[4];
                desc[c.DescriptorAxis] = 1f;
                desc[3] = 0.05f * (float)Gaussian(rng);
                var norm = MathF.Sqrt(desc.Sum(x => x * x));
                descriptors[i] = desc.Select(x => x / norm).ToArray();
            }
        return (new FeatureSet(tensor(data, [n, patches, dim]), descriptors, keys), labels, anomalous);
    }

    static double Gaussian(Random rng) =>
        Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
}
