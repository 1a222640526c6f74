using System.CommandLine;
using HierCore.Cli.Commands;
using HierCore.Engine.Backbones;

// Before anything touches TorchSharp: idle OpenMP threads sleep instead of spinning (2× faster on a shared CPU).
OpenMpWaitPolicy.PreferPassive();

var root = new RootCommand("hiercore — multi-class anomaly detection experiments (PatchCore, PatchCore-OC, HierCore) from the command line.")
{
    RunCommand.Create(),
    SweepCommand.Create(),
    DatasetsCommand.Create(),
    BenchCommand.Create(),
};
return await root.Parse(args).InvokeAsync();
