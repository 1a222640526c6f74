using HierCore.Engine.Contracts;
using HierCore.Engine.Datasets;
using HierCore.Engine.Datasets.Catalog;

namespace HierCore.Engine.Tests.Datasets;

/// <summary>A class may not take the name of an aggregate row (mean over classes, pooled).</summary>
public sealed class ReservedClassNamesTests : IDisposable
{
    private readonly TempFolder _tmp = new();

    public void Dispose() => _tmp.Dispose();

    [Theory]
    [InlineData("mean")]
    [InlineData("pooled")]
    [InlineData("Pooled")]
    public void A_class_named_like_an_aggregate_row_is_refused_at_load(string name)
    {
        foreach (var cls in new[] { "bottle", name })
        {
            _tmp.Png($"{cls}/train/good/000.png");
            _tmp.Png($"{cls}/test/good/000.png");
        }
        var e = Assert.Throws<DatasetException>(() => DatasetCatalog.Load(_tmp.Root));
        Assert.Contains($"'{name}'", e.Message);
        Assert.Contains("reserved", e.Message);
    }

    [Fact]
    public void The_visa_layout_is_held_to_the_same_rule()
    {
        _tmp.Png("mean/a.png");
        _tmp.Png("mean/b.png");
        _tmp.Text("split_csv/1cls.csv", "object,split,label,image,mask\nmean,train,normal,mean/a.png,\nmean,test,normal,mean/b.png,\n");
        Assert.Contains("reserved", Assert.Throws<DatasetException>(() => DatasetCatalog.Load(_tmp.Root)).Message);
    }

    [Fact]
    public void Names_that_merely_contain_a_reserved_word_are_fine()
    {
        foreach (var cls in new[] { "meander", "pooled_tiles" })
        {
            _tmp.Png($"{cls}/train/good/000.png");
            _tmp.Png($"{cls}/test/good/000.png");
        }
        Assert.Equal(["meander", "pooled_tiles"], DatasetCatalog.Load(_tmp.Root).Classes);
    }
}
