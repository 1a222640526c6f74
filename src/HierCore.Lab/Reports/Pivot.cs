using System.Globalization;
using HierCore.Engine.Contracts;
using HierCore.Engine.Evaluation;

namespace HierCore.Lab.Reports;

/// <summary>
/// What a sweep's results can be laid out by: method, scenario, dataset, and every setting that takes more than
/// one value among them (from each run's own config, so it works for any setting the registry knows).
/// </summary>
public static class PivotDimensions
{
    public const string Method = "method", Scenario = "scenario", Dataset = "dataset";

    public static IReadOnlyList<string> Available(CompareData d) =>
        [Method, Scenario, Dataset, .. Varied(d).Select(s => s.Name)];

    /// <summary>Registered settings whose value differs between the sweep's results, in registry order.</summary>
    public static IReadOnlyList<RunSetting> Varied(CompareData d) =>
        RunSettings.Gridable.Where(s => d.Results.Select(r => s.Format(r.Result.Config)).Distinct().Skip(1).Any()).ToList();

    public static string Value(StoredResult r, string dimension) => dimension switch
    {
        Method => r.Result.Method,
        Scenario => r.Result.Scenario,
        Dataset => r.DatasetName,
        _ => RunSettings.Find(dimension)?.Format(r.Result.Config) ?? "",
    };

    public static bool IsNumeric(string dimension) => RunSettings.Find(dimension)?.IsNumeric == true;

    /// <summary>The values of a dimension in reading order: methods as catalogued, numbers by size, the rest by name.</summary>
    public static IReadOnlyList<string> Values(CompareData d, string dimension)
    {
        var values = d.Results.Select(r => Value(r, dimension)).Distinct();
        if (dimension == Method) return d.Methods.Where(values.Contains).Concat(values.Except(d.Methods)).ToList();
        if (dimension == Scenario) return d.Scenarios.Where(values.Contains).Concat(values.Except(d.Scenarios)).ToList();
        return IsNumeric(dimension)
            ? values.OrderBy(v => double.Parse(v, CultureInfo.InvariantCulture)).ToList()
            : values.Order(StringComparer.Ordinal).ToList();
    }

    public static string Label(string dimension) => RunSettings.Find(dimension)?.Label ?? char.ToUpperInvariant(dimension[0]) + dimension[1..];
}

/// <summary>A metric laid out by two dimensions: mean ± std over every run in a cell (its seeds and the dimensions not shown).</summary>
public sealed record PivotTable(string Rows, string Cols, IReadOnlyList<string> RowKeys, IReadOnlyList<string> ColKeys, MeanStd[,] Cells)
{
    public static PivotTable Build(CompareData d, string rows, string cols, string metric, string scope)
    {
        var rowKeys = PivotDimensions.Values(d, rows);
        var colKeys = PivotDimensions.Values(d, cols);
        var cells = new MeanStd[rowKeys.Count, colKeys.Count];
        var groups = d.Results.ToLookup(r => (PivotDimensions.Value(r, rows), PivotDimensions.Value(r, cols)));
        for (var i = 0; i < rowKeys.Count; i++)
            for (var j = 0; j < colKeys.Count; j++)
                cells[i, j] = MeanStd.Of(groups[(rowKeys[i], colKeys[j])].Select(r => MetricKeys.Read(r.Result, metric, scope)));
        return new PivotTable(rows, cols, rowKeys, colKeys, cells);
    }

    /// <summary>Row and column of the best cell in each column (higher or lower is better per metric).</summary>
    public bool IsBest(int row, int col, bool higherIsBetter)
    {
        var column = Enumerable.Range(0, RowKeys.Count).Where(i => Cells[i, col].HasValue).ToList();
        if (column.Count < 2 || !Cells[row, col].HasValue) return false;
        var best = higherIsBetter ? column.MaxBy(i => Cells[i, col].Mean) : column.MinBy(i => Cells[i, col].Mean);
        return best == row;
    }
}
