using System.Reflection;
using HierCore.Engine.Contracts;

namespace HierCore.Engine.Tests.Architecture;

/// <summary>
/// The engine's namespaces form layers: no namespace depends on another that depends back on it (directly or
/// through others), Contracts depends on no other engine namespace, and nothing in the engine reaches the web,
/// the Lab or the CLI.
/// </summary>
public class NamespaceDependencyTests
{
    static readonly Assembly Engine = typeof(RunSpec).Assembly;

    /// <summary>Namespace → the other engine namespaces its types use.</summary>
    static readonly Dictionary<string, HashSet<string>> Graph = BuildGraph();

    static Dictionary<string, HashSet<string>> BuildGraph()
    {
        var graph = new Dictionary<string, HashSet<string>>();
        foreach (var type in Engine.GetTypes())
        {
            var from = NamespaceOf(type);
            if (from is null) continue;
            var edges = graph.TryGetValue(from, out var e) ? e : graph[from] = [];
            foreach (var used in TypeReferences.Of(type))
                if (used.Assembly == Engine && NamespaceOf(used) is { } to && to != from) edges.Add(to);
        }
        return graph;
    }

    /// <summary>Nested and compiler-generated types count as part of their outermost type's namespace.</summary>
    static string? NamespaceOf(Type type)
    {
        while (type.DeclaringType is { } outer) type = outer;
        return type.Namespace is { } ns && ns.StartsWith("HierCore.Engine", StringComparison.Ordinal) ? ns : null;
    }

    [Fact]
    public void The_scan_sees_known_dependencies()
    {
        // Guards against a scanner that finds nothing: these uses are in method bodies and signatures.
        Assert.Contains("HierCore.Engine.Methods", Graph["HierCore.Engine.Experiments"]);
        Assert.Contains("HierCore.Engine.Contracts", Graph["HierCore.Engine.Methods"]);
        Assert.Contains("HierCore.Engine.Randomness", Graph["HierCore.Engine.Datasets.Demo"]);
    }

    [Fact]
    public void Engine_namespaces_have_no_cycles()
    {
        var cycles = StronglyConnected(Graph).Where(c => c.Count > 1).ToList();
        Assert.True(cycles.Count == 0, "Namespace cycles: " + string.Join("; ", cycles.Select(c =>
            string.Join(", ", c.Order(StringComparer.Ordinal)) + " — " + string.Join(", ",
                from a in c from b in Graph[a] where c.Contains(b) select $"{Short(a)} → {Short(b)}"))));
    }

    [Fact]
    public void Contracts_depend_on_no_other_engine_namespace()
    {
        Assert.Empty(Graph.GetValueOrDefault("HierCore.Engine.Contracts") ?? []);
    }

    [Fact]
    public void The_engine_references_no_web_lab_or_cli_code()
    {
        string[] forbidden = ["Microsoft.AspNetCore", "HierCore.Lab", "HierCore.Cli", "hiercore", "Microsoft.EntityFrameworkCore", "Hangfire", "MudBlazor", "Plotly", "Spectre", "System.CommandLine"];
        var assemblies = Engine.GetReferencedAssemblies().Select(a => a.Name!).ToList();
        Assert.DoesNotContain(assemblies, a => forbidden.Any(f => a.StartsWith(f, StringComparison.Ordinal)));
        var types = Engine.GetTypes().SelectMany(TypeReferences.Of).Select(t => t.FullName ?? t.Name).Distinct().ToList();
        Assert.DoesNotContain(types, t => forbidden.Any(f => t.StartsWith(f + ".", StringComparison.Ordinal)));
    }

    static string Short(string ns) => ns["HierCore.Engine.".Length..];

    /// <summary>Tarjan's strongly connected components.</summary>
    static List<List<string>> StronglyConnected(Dictionary<string, HashSet<string>> graph)
    {
        var index = new Dictionary<string, int>();
        var low = new Dictionary<string, int>();
        var stack = new Stack<string>();
        var onStack = new HashSet<string>();
        var result = new List<List<string>>();
        void Visit(string v)
        {
            index[v] = low[v] = index.Count;
            stack.Push(v); onStack.Add(v);
            foreach (var w in graph.GetValueOrDefault(v) ?? [])
            {
                if (!index.ContainsKey(w)) { Visit(w); low[v] = Math.Min(low[v], low[w]); }
                else if (onStack.Contains(w)) low[v] = Math.Min(low[v], index[w]);
            }
            if (low[v] != index[v]) return;
            var component = new List<string>();
            string x;
            do { x = stack.Pop(); onStack.Remove(x); component.Add(x); } while (x != v);
            result.Add(component);
        }
        foreach (var v in graph.Keys.ToList()) if (!index.ContainsKey(v)) Visit(v);
        return result;
    }
}
