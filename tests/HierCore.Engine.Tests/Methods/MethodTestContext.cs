using HierCore.Engine.Contracts;
using HierCore.Engine.Experiments;
using HierCore.Engine.Methods;

namespace HierCore.Engine.Tests.Methods;

static class MethodTestContext
{
    public static MethodContext For(string method, Scenario scenario, Func<RunSpec, RunSpec>? tweak = null)
    {
        var spec = new RunSpec { Dataset = "synthetic", Method = method, Scenario = scenario, CoresetRatio = 0.5, ProjectionDim = 8 };
        return new MethodContext(tweak?.Invoke(spec) ?? spec, banks: null, progress: null, CancellationToken.None);
    }
}
