using System.CommandLine;
using HierCore.Cli.Commands;

var root = new RootCommand("hiercore — multi-class anomaly detection experiments (PatchCore, PatchCore-OC, HierCore) from the command line.")
{
    RunCommand.Create(),
    SweepCommand.Create(),
    DatasetsCommand.Create(),
    BenchCommand.Create(),
};
return await root.Parse(args).InvokeAsync();
