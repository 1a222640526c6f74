using HierCore.Engine.Evaluation;

namespace HierCore.Engine.Tests.Evaluation;

public class ConnectedRegionsTests
{
    [Fact]
    public void Diagonal_neighbours_join_and_separated_blobs_do_not()
    {
        byte[] mask =
        [
            1, 0, 0, 1, 1,
            0, 1, 0, 0, 0,
            0, 0, 0, 0, 1,
        ];
        var (labels, sizes) = ConnectedRegions.Label(mask, 5, 3);
        Assert.Equal([2, 2, 1], sizes);
        Assert.Equal(labels[0], labels[6]);             // diagonal pair
        Assert.NotEqual(labels[0], labels[3]);
        Assert.Equal(labels[3], labels[4]);
        Assert.Equal(-1, labels[1]);
        Assert.Equal(2, labels[14]);
    }

    [Fact]
    public void Regions_do_not_wrap_around_row_ends()
    {
        // (row 0, last column) and (row 1, first column) are adjacent in memory but not in the image.
        var (_, sizes) = ConnectedRegions.Label([0, 0, 1, 1, 0, 0], 3, 2);
        Assert.Equal([1, 1], sizes);
    }
}
