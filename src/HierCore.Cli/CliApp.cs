using System.CommandLine;
using HierCore.Cli.Commands;

namespace HierCore.Cli;

/// <summary>The `hiercore` command tree (separate from Program so tests can invoke it in-process).</summary>
public static class CliApp
{
    public static RootCommand Create() => new("hiercore — multi-class anomaly detection experiments (PatchCore, PatchCore-OC, HierCore) from the command line.")
    {
        RunCommand.Create(),
        PredictCommand.Create(),
        SweepCommand.Create(),
        StudyCommand.Create(),
        DatasetsCommand.Create(),
        BenchCommand.Create(),
    };
}
