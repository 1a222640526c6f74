using HierCore.Engine.Contracts;
using HierCore.Engine.Memory;
using HierCore.Engine.Methods;
using static TorchSharp.torch;

namespace HierCore.Engine.Models;

/// <summary>One fitted group as stored in a model file: bank entries, criterion and centroid.</summary>
public sealed record FittedGroup(string Name, int Members, DecisionCriterion Criterion, float[] Centroid, int Dim, float[] Features, long[] Sources, double BuildSeconds)
{
    public int Entries => Sources.Length;
}

/// <summary>
/// A run's fitted model: every group's memory bank, criterion and centroid, with the run's full config (the method,
/// its scenario's label rules, routing, λ, image size) and the backbone it was fitted with. Enough to score new
/// images exactly as the run scored its test images.
/// </summary>
public sealed record FittedModel(RunSpec Spec, string BackboneId, IReadOnlyList<FittedGroup> Groups)
{
    /// <summary>The backbone identity recorded with a model: its name and the feature setting it was read at.</summary>
    public static string BackboneIdOf(RunSpec spec) => $"{spec.Backbone}/{spec.FeatureKey}";

    /// <summary>Copies the fitted groups of a method (bank tensors to plain arrays).</summary>
    public static FittedModel From(RunSpec spec, IAnomalyMethod method) => new(spec with { Device = RunSpecDefaults.Device }, BackboneIdOf(spec),
        method.Groups.Select(g =>
        {
            var bank = g.Model.Bank;
            using var cpu = bank.Features.to(ScalarType.Float32).cpu().contiguous();
            return new FittedGroup(g.Name, g.Model.Members, g.Model.Criterion, g.Model.Centroid, (int)cpu.shape[1],
                cpu.data<float>().ToArray(), [.. bank.SourceImage], g.Model.BuildSeconds);
        }).ToArray());

    /// <summary>A method of the model's kind holding its fitted groups, ready to Score (the caller disposes it).</summary>
    public GroupedCoresetMethod CreateMethod()
    {
        var method = MethodCatalog.Create(Spec.Method) as GroupedCoresetMethod
                     ?? throw new ModelFileException($"Method '{Spec.Method}' cannot be restored from a model file.");
        var groups = Groups.Select((g, i) =>
        {
            using var features = tensor(g.Features, [g.Entries, g.Dim]);
            return new NamedGroup(g.Name, new GroupModel(i, MemoryBank.FromEntries(features, g.Sources), [], g.Criterion, g.Centroid, g.Members, g.BuildSeconds));
        }).ToList();
        method.Restore(groups, Spec);
        return method;
    }
}

/// <summary>A model file that cannot be used: not one, damaged, truncated, or of another version.</summary>
public sealed class ModelFileException(string message) : Exception(message);
