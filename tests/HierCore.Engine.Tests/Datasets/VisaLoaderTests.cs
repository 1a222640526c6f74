using HierCore.Engine.Contracts;
using HierCore.Engine.Datasets.Catalog;
using HierCore.Engine.Datasets;

namespace HierCore.Engine.Tests.Datasets;

public sealed class VisaLoaderTests : IDisposable
{
    private const string Header = "object,split,label,image,mask";
    private readonly TempFolder _tmp = new();

    public void Dispose() => _tmp.Dispose();

    private void Csv(params string[] rows) => _tmp.Text("split_csv/1cls.csv", string.Join("\n", [Header, .. rows]) + "\n");

    private void Files()
    {
        foreach (var cls in new[] { "pcb1", "candle" })
        {
            _tmp.Png($"{cls}/Data/Images/Normal/000.JPG");
            _tmp.Png($"{cls}/Data/Images/Normal/001.JPG");
            _tmp.Png($"{cls}/Data/Images/Anomaly/000.JPG");
            _tmp.Mask($"{cls}/Data/Masks/Anomaly/000.png", value: 1);
        }
    }

    [Fact]
    public void Loads_classes_splits_labels_and_masks_from_the_csv()
    {
        Files();
        Csv("pcb1,train,normal,pcb1/Data/Images/Normal/000.JPG,",
            "pcb1,test,normal,pcb1/Data/Images/Normal/001.JPG,",
            "pcb1,test,anomaly,pcb1/Data/Images/Anomaly/000.JPG,pcb1/Data/Masks/Anomaly/000.png",
            "candle,train,normal,candle/Data/Images/Normal/000.JPG,",
            "\"candle\",test,anomaly,candle/Data/Images/Anomaly/000.JPG,candle/Data/Masks/Anomaly/000.png");

        var ds = DatasetCatalog.Load(_tmp.Root);

        Assert.Equal("visa", ds.Format);
        Assert.Equal(["candle", "pcb1"], ds.Classes);
        Assert.Equal(["candle", "pcb1"], ds.Train.Select(s => s.ClassName));
        Assert.Equal(3, ds.Test.Count);
        var anomaly = ds.Test.Single(s => s.ClassName == "pcb1" && s.IsAnomalous);
        Assert.Equal(_tmp.PathOf("pcb1/Data/Masks/Anomaly/000.png"), anomaly.MaskPath);
        Assert.Equal("anomaly", anomaly.DefectType);
        Assert.Null(ds.Test.Single(s => s.ClassName == "pcb1" && !s.IsAnomalous).MaskPath);
    }

    [Fact]
    public void Missing_image_names_the_file_and_line()
    {
        Files();
        Csv("pcb1,train,normal,pcb1/Data/Images/Normal/000.JPG,",
            "pcb1,test,normal,pcb1/Data/Images/Normal/404.JPG,");
        var ex = Assert.Throws<DatasetException>(() => VisaLoader.Load(_tmp.Root));
        Assert.Contains("404.JPG", ex.Message);
        Assert.Contains("line 3", ex.Message);
    }

    [Fact]
    public void Anomalous_training_row_and_bad_label_are_errors()
    {
        Files();
        Csv("pcb1,train,anomaly,pcb1/Data/Images/Anomaly/000.JPG,pcb1/Data/Masks/Anomaly/000.png");
        Assert.Contains("'pcb1'", Assert.Throws<DatasetException>(() => VisaLoader.Load(_tmp.Root)).Message);
        Csv("pcb1,train,ok,pcb1/Data/Images/Normal/000.JPG,");
        Assert.Contains("label 'ok'", Assert.Throws<DatasetException>(() => VisaLoader.Load(_tmp.Root)).Message);
    }

    [Fact]
    public void Class_without_test_rows_and_missing_column_are_errors()
    {
        Files();
        Csv("pcb1,train,normal,pcb1/Data/Images/Normal/000.JPG,");
        Assert.Contains("'pcb1' in", Assert.Throws<DatasetException>(() => VisaLoader.Load(_tmp.Root)).Message);
        _tmp.Text("split_csv/1cls.csv", "object,split,image,mask\n");
        Assert.Contains("column 'label'", Assert.Throws<DatasetException>(() => VisaLoader.Load(_tmp.Root)).Message);
    }
}
