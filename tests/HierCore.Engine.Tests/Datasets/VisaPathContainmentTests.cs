using HierCore.Engine.Contracts;
using HierCore.Engine.Datasets;

namespace HierCore.Engine.Tests.Datasets;

/// <summary>
/// A VisA split file is data from elsewhere: its paths must stay inside the dataset folder after every symbolic link
/// is followed, and name image files, or the dashboard would read (and show) any file the service can open.
/// </summary>
public sealed class VisaPathContainmentTests : IDisposable
{
    private const string Header = "object,split,label,image,mask";
    private readonly TempFolder _dataset = new();
    private readonly TempFolder _outside = new();

    public void Dispose()
    {
        _dataset.Dispose();
        _outside.Dispose();
    }

    /// <summary>A valid split file with one extra test row whose image path is <paramref name="image"/>.</summary>
    private DatasetException LoadWith(string image)
    {
        _dataset.Png("pcb1/Normal/000.JPG");
        _dataset.Png("pcb1/Normal/001.JPG");
        _dataset.Text("split_csv/1cls.csv", string.Join("\n", Header,
            "pcb1,train,normal,pcb1/Normal/000.JPG,",
            "pcb1,test,normal,pcb1/Normal/001.JPG,",
            $"pcb1,test,normal,{image},") + "\n");
        return Assert.Throws<DatasetException>(() => VisaLoader.Load(_dataset.Root));
    }

    [Fact]
    public void A_relative_path_leaving_the_folder_is_refused_naming_the_line()
    {
        _outside.Png("secret.png");
        var relative = Path.GetRelativePath(_dataset.Root, _outside.PathOf("secret.png"));
        var e = LoadWith(relative);
        Assert.Contains("line 4", e.Message);
        Assert.Contains("outside the dataset folder", e.Message);
    }

    [Fact]
    public void An_absolute_path_elsewhere_is_refused()
    {
        var e = LoadWith(_outside.Png("secret.png"));
        Assert.Contains("line 4", e.Message);
        Assert.Contains("outside the dataset folder", e.Message);
    }

    [Fact]
    public void A_symbolic_link_to_a_file_outside_is_refused()
    {
        var target = _outside.Png("secret.png");
        Directory.CreateDirectory(_dataset.PathOf("pcb1/Normal"));
        File.CreateSymbolicLink(_dataset.PathOf("pcb1/Normal/link.png"), target);
        var e = LoadWith("pcb1/Normal/link.png");
        Assert.Contains("line 4", e.Message);
        Assert.Contains("outside the dataset folder", e.Message);
    }

    [Fact]
    public void A_path_through_a_linked_folder_outside_is_refused()
    {
        _outside.Png("dir/secret.png");
        Directory.CreateDirectory(_dataset.PathOf("pcb1"));
        Directory.CreateSymbolicLink(_dataset.PathOf("pcb1/elsewhere"), _outside.PathOf("dir"));
        var e = LoadWith("pcb1/elsewhere/secret.png");
        Assert.Contains("outside the dataset folder", e.Message);
    }

    [Fact]
    public void A_file_that_is_not_an_image_is_refused()
    {
        _dataset.Text("pcb1/notes.txt", "hello");
        var e = LoadWith("pcb1/notes.txt");
        Assert.Contains("line 4", e.Message);
        Assert.Contains("not an image file", e.Message);
    }

    [Fact]
    public void Links_that_stay_inside_the_folder_and_a_linked_dataset_root_are_fine()
    {
        _dataset.Png("pcb1/Normal/000.JPG");
        _dataset.Png("pcb1/Normal/001.JPG");
        File.CreateSymbolicLink(_dataset.PathOf("pcb1/Normal/alias.JPG"), _dataset.PathOf("pcb1/Normal/001.JPG"));
        _dataset.Text("split_csv/1cls.csv", string.Join("\n", Header,
            "pcb1,train,normal,pcb1/Normal/000.JPG,",
            "pcb1,test,normal,pcb1/Normal/alias.JPG,") + "\n");
        var rootLink = _outside.PathOf("linked-root");
        Directory.CreateSymbolicLink(rootLink, _dataset.Root);

        var ds = VisaLoader.Load(rootLink);
        Assert.Equal(2, ds.Train.Count + ds.Test.Count);
    }
}
