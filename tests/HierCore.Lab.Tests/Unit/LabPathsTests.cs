using HierCore.Lab.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;

namespace HierCore.Lab.Tests.Unit;

public sealed class LabPathsTests
{
    private sealed class Env(string root) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Test";
        public string ApplicationName { get; set; } = "HierCore.Lab";
        public string ContentRootPath { get; set; } = root;
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }

    [Theory]
    [InlineData("../appsettings.json")]
    [InlineData("artifacts/../../secret")]
    [InlineData("/etc/passwd")]
    [InlineData("")]
    public void Paths_that_leave_data_are_refused(string relative)
    {
        var root = Directory.CreateTempSubdirectory("labpaths").FullName;
        var paths = new LabPaths(new Env(root), Options.Create(new LabOptions()));
        Assert.Null(paths.ResolveUnderData(relative));
    }

    [Fact]
    public void Paths_inside_data_resolve_and_relative_settings_are_rooted_at_the_repository()
    {
        var root = Directory.CreateTempSubdirectory("labpaths").FullName;
        var paths = new LabPaths(new Env(root), Options.Create(new LabOptions { DatasetRoots = ["extra/mvtec"] }));
        Assert.Equal(Path.Combine(root, "data", "artifacts", "x.png"), paths.ResolveUnderData("artifacts/x.png"));
        Assert.Equal([Path.Combine(root, "data", "datasets"), Path.Combine(root, "extra", "mvtec")], paths.DatasetRoots);
    }

    [Fact]
    public void The_repository_root_is_found_by_walking_up_to_the_solution()
    {
        var root = Directory.CreateTempSubdirectory("labroot").FullName;
        File.WriteAllText(Path.Combine(root, RepositoryRoot.SolutionFile), "");
        var deep = Directory.CreateDirectory(Path.Combine(root, "src", "HierCore.Lab", "bin")).FullName;
        Assert.Equal(root, RepositoryRoot.WalkUp(deep));
    }

    [Theory]
    [InlineData("both", true, true)] [InlineData("web", true, false)] [InlineData("worker", false, true)] [InlineData(null, true, true)]
    public void Roles_parse(string? text, bool web, bool worker) => Assert.Equal(new LabRoles(web, worker), LabRoles.Parse(text));
}
