using HierCore.Engine.Imaging;

namespace HierCore.Engine.Backbones;

/// <summary>
/// Locates the two ONNX files of the pretrained ResNet18 that the NuGet package
/// Microsoft.ML.DnnImageFeaturizer.ResNet18 copies to every build output under <c>DnnImageModels/</c>.
/// </summary>
internal sealed record ResNet18ModelFiles(string Network, string Preprocess)
{
    private const string ModelsFolder = "DnnImageModels";
    private static readonly string NetworkRelative = Path.Combine("ResNet18Onnx", "ResNet18.onnx");
    private static readonly string PreprocessRelative = Path.Combine("ResNetPrepOnnx", "ResNetPreprocess.onnx");

    /// <param name="modelDirectory">
    /// The folder holding <c>DnnImageModels/</c>, or that folder itself; defaults to AppContext.BaseDirectory.
    /// </param>
    public static ResNet18ModelFiles Locate(string? modelDirectory = null)
    {
        var root = modelDirectory ?? AppContext.BaseDirectory;
        if (!Directory.Exists(root))
            throw new DirectoryNotFoundException($"ResNet18 model directory '{root}' does not exist.");

        var models = Path.GetFileName(Path.TrimEndingDirectorySeparator(root)) == ModelsFolder
            ? root
            : Path.Combine(root, ModelsFolder);
        var files = new ResNet18ModelFiles(Path.Combine(models, NetworkRelative), Path.Combine(models, PreprocessRelative));
        foreach (var file in new[] { files.Network, files.Preprocess })
        {
            if (!File.Exists(file))
                throw new FileNotFoundException(
                    $"ResNet18 model file '{file}' not found. The NuGet package Microsoft.ML.DnnImageFeaturizer.ResNet18 " +
                    "copies it to the build output of every project that references HierCore.Engine; " +
                    "pass modelDirectory when running from elsewhere.", file);
        }
        return files;
    }
}
