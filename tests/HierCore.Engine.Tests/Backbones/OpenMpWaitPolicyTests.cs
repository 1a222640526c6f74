using System.Diagnostics;

namespace HierCore.Engine.Tests.Backbones;

public sealed class OpenMpWaitPolicyTests
{
    /// <summary>
    /// In a child process whose environment the test sets (CI exports OMP_WAIT_POLICY itself, so the runner's own
    /// environment would make the first case pass without PreferPassive doing anything).
    /// </summary>
    [Theory]
    [InlineData(null, "PASSIVE")]
    [InlineData("ACTIVE", "ACTIVE")]
    public void Prefer_passive_sets_passive_in_a_clean_environment_but_keeps_a_user_choice(string? inherited, string expected)
    {
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";
        var start = new ProcessStartInfo(dotnet, ["exec", typeof(ChildProcessEntry).Assembly.Location, ChildProcessEntry.OpenMpProbe])
            { RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment.Remove("OMP_WAIT_POLICY");
        if (inherited is not null) start.Environment["OMP_WAIT_POLICY"] = inherited;

        using var child = Process.Start(start)!;
        var output = child.StandardOutput.ReadToEndAsync();
        var error = child.StandardError.ReadToEnd();
        child.WaitForExit();
        Assert.True(child.ExitCode == 0, $"child exited with {child.ExitCode}: {error}");
        Assert.Equal(expected, output.Result);
    }
}
