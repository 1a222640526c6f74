using HierCore.Cli;
using HierCore.Engine.Backbones;

// Before anything touches TorchSharp: idle OpenMP threads sleep instead of spinning (2× faster on a shared CPU).
OpenMpWaitPolicy.PreferPassive();
return await CliApp.Create().Parse(args).InvokeAsync();
