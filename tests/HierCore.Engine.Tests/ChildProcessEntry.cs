using HierCore.Engine.Backbones;

namespace HierCore.Engine.Tests;

/// <summary>
/// The test assembly's entry point, used only when a test starts it as a child process
/// (<c>dotnet exec HierCore.Engine.Tests.dll &lt;probe&gt;</c>) to watch engine code in an environment the test
/// controls, free of what the test runner inherited. The test runner itself never calls it.
/// </summary>
public static class ChildProcessEntry
{
    public const string OpenMpProbe = "openmp-wait-policy";

    public static int Main(string[] args)
    {
        switch (args)
        {
            case [OpenMpProbe]:
                OpenMpWaitPolicy.PreferPassive();
                Console.Write(OpenMpWaitPolicy.Current() ?? "(unset)");
                return 0;
            default:
                Console.Error.WriteLine($"Unknown probe '{string.Join(' ', args)}'.");
                return 2;
        }
    }
}
