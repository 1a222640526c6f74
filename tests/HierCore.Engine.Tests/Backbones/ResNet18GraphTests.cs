using HierCore.Engine.Backbones;
using Onnx;

namespace HierCore.Engine.Tests.Backbones;

public sealed class ResNet18GraphTests
{
    [Fact]
    public void Graph_reader_recovers_cntk_resnet18_blocks_and_the_documented_taps()
    {
        var files = ResNet18ModelFiles.Locate();
        var spec = CntkResNetSpec.Parse(OnnxModels.Read(files.Network).Graph);

        Assert.Equal([2, 2, 2, 3], spec.Stages.Select(s => s.Count));
        Assert.Equal([64L, 128, 256, 512], spec.Stages.Select(s => s[^1].Second.OutChannels));
        // Projection shortcuts exactly on the first block of stages 2..4 (where width and stride change).
        Assert.Equal([false, false, true, false, true, false, true, false, false],
            spec.Stages.SelectMany(s => s).Select(b => b.Shortcut is not null));
        Assert.Equal(OnnxResNet18.Layer2Tensor, spec.StageOutput(2));
        Assert.Equal(OnnxResNet18.Layer3Tensor, spec.StageOutput(3));
        Assert.Equal([3L, 3], spec.Stem.Window.PadsBegin);
        Assert.Equal([2L, 2], spec.Stem.Window.PadsEnd);
    }

    [Fact]
    public void Preprocessing_graph_gives_a_bgr_mean_image_whose_channel_averages_match_imagenet()
    {
        var prep = ResNetPreprocessSpec.Parse(OnnxModels.Read(ResNet18ModelFiles.Locate().Preprocess).Graph);
        Assert.Equal([1L, 3, 224, 224], prep.Shape);
        var plane = 224 * 224;
        var averages = Enumerable.Range(0, 3).Select(c => prep.MeanImageBgr.AsSpan(c * plane, plane).ToArray().Average()).ToArray();
        // B, G, R: the ImageNet channel means in BGR order.
        Assert.Equal(103.06, averages[0], 0.01);
        Assert.Equal(115.90, averages[1], 0.01);
        Assert.Equal(123.15, averages[2], 0.01);
    }

    [Fact]
    public void Missing_model_files_are_reported_with_their_path()
    {
        var empty = Directory.CreateTempSubdirectory("hiercore-no-model").FullName;
        try
        {
            var error = Assert.Throws<FileNotFoundException>(() => ResNet18Backbone.Load("cpu", empty));
            Assert.Contains(Path.Combine(empty, "DnnImageModels", "ResNet18Onnx", "ResNet18.onnx"), error.Message);
            Assert.Throws<DirectoryNotFoundException>(() => new OnnxResNet18(1, Path.Combine(empty, "absent")));
        }
        finally
        {
            Directory.Delete(empty);
        }
    }
}
