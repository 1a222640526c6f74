using System.Text;
using System.Text.RegularExpressions;
using HierCore.Engine.Contracts;
using HierCore.Engine.Evaluation;
using HierCore.Engine.Experiments;

namespace HierCore.Engine.Sweeps;

/// <summary>
/// The <c>hiercore run …</c> / <c>hiercore sweep …</c> command lines that reproduce a run or a sweep, written
/// from the settings registry: only settings that differ from RunSpec's defaults are spelled out, so the command
/// stays short and keeps meaning the same thing while the defaults do.
/// </summary>
public static partial class ReproduceCommand
{
    public static string Run(RunSpec spec)
    {
        var sb = new StringBuilder("hiercore run");
        Add(sb, "--dataset", spec.Dataset);
        Add(sb, "--method", spec.Method);
        Add(sb, "--scenario", spec.Scenario.ToString());
        Add(sb, "--seed", spec.Seed.ToString(System.Globalization.CultureInfo.InvariantCulture));
        foreach (var (setting, value) in RunSettings.NonDefault(spec))
            if (setting.IsFlag) { if (value == "true") sb.Append(' ').Append(setting.Option); }
            else Add(sb, setting.Option, value);
        return sb.ToString();
    }

    /// <summary>
    /// A sweep: lists for datasets, methods, scenarios and seeds; a setting with one value as its option, one with
    /// several as <c>--grid name=a,b</c>.
    /// </summary>
    public static string Sweep(SweepDefinition sweep)
    {
        var sb = new StringBuilder("hiercore sweep");
        Add(sb, "--dataset", string.Join(',', sweep.Datasets));
        Add(sb, "--methods", string.Join(',', sweep.Methods));
        Add(sb, "--scenarios", string.Join(',', sweep.Scenarios));
        Add(sb, "--seeds", string.Join(',', sweep.Seeds));
        foreach (var setting in RunSettings.Gridable)
        {
            var entry = sweep.Grid.FirstOrDefault(g => RunSettings.Find(g.Key) == setting);
            if (entry.Value is not { Count: > 0 } values) continue;
            var canonical = values.Select(v => RunSetting.ToText(setting.Parse(v))).Distinct().ToList();
            if (canonical.Count > 1) Add(sb, "--grid", $"{setting.Option[2..]}={string.Join(',', canonical)}");
            else if (canonical[0] != setting.Default)
                if (setting.IsFlag) { if (canonical[0] == "true") sb.Append(' ').Append(setting.Option); }
                else Add(sb, setting.Option, canonical[0]);
        }
        return sb.ToString();
    }

    static void Add(StringBuilder sb, string option, string value) => sb.Append(' ').Append(option).Append(' ').Append(Quote(value));

    /// <summary>POSIX shell quoting, only where needed (paths with spaces, quotes, $…).</summary>
    public static string Quote(string value) =>
        value.Length > 0 && Safe().IsMatch(value) ? value : "'" + value.Replace("'", "'\\''") + "'";

    [GeneratedRegex(@"^[A-Za-z0-9_.,:=/+@%-]+$")]
    private static partial Regex Safe();
}
