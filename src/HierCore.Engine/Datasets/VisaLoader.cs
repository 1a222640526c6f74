using HierCore.Engine.Contracts;

namespace HierCore.Engine.Datasets;

/// <summary>
/// VisA layout: <c>split_csv/1cls.csv</c> with columns object,split,label,image,mask (paths relative to the root,
/// label normal|anomaly). VisA has no defect types, so anomalous samples get defect type "anomaly".
/// </summary>
public static class VisaLoader
{
    public const string FormatName = "visa";
    public const string CsvRelativePath = "split_csv/1cls.csv";
    public const string AnomalyDefect = "anomaly";
    private static readonly string[] Columns = ["object", "split", "label", "image", "mask"];

    public static bool LooksLike(string root) => File.Exists(Path.Combine(root, CsvRelativePath));

    public static AnomalyDataset Load(string root, string? name = null)
    {
        root = Path.GetFullPath(root);
        var csv = Path.Combine(root, CsvRelativePath);
        if (!File.Exists(csv))
            throw new DatasetException($"VisA split file not found: '{csv}'.");
        var lines = File.ReadAllLines(csv);
        if (lines.Length == 0)
            throw new DatasetException($"VisA split file '{csv}' is empty.");
        var column = HeaderIndexes(csv, lines[0]);
        var train = new List<ImageSample>();
        var test = new List<ImageSample>();
        for (int i = 1; i < lines.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(lines[i])) continue;
            var sample = ParseRow(root, csv, i + 1, ScoresCsv.SplitLine(lines[i]), column);
            (sample.Split == Split.Train ? train : test).Add(sample);
        }
        // Group by class in ordinal order; inside a class keep the CSV's order.
        var classes = train.Concat(test).Select(s => s.ClassName).Distinct().Order(StringComparer.Ordinal).ToList();
        train = [.. train.OrderBy(s => s.ClassName, StringComparer.Ordinal)];
        test = [.. test.OrderBy(s => s.ClassName, StringComparer.Ordinal)];
        ClassRules.Check(root, classes, train, test);
        return new AnomalyDataset(name ?? Path.GetFileName(root), root, FormatName, classes, train, test);
    }

    private static Dictionary<string, int> HeaderIndexes(string csv, string header)
    {
        var names = ScoresCsv.SplitLine(header).Select(h => h.Trim().ToLowerInvariant()).ToList();
        var index = new Dictionary<string, int>();
        foreach (var col in Columns)
        {
            int i = names.IndexOf(col);
            if (i < 0)
                throw new DatasetException($"VisA split file '{csv}' lacks column '{col}' (header: '{header}').");
            index[col] = i;
        }
        return index;
    }

    private static ImageSample ParseRow(string root, string csv, int lineNo, IReadOnlyList<string> cells, Dictionary<string, int> col)
    {
        string Cell(string name) => col[name] < cells.Count ? cells[col[name]].Trim() : "";
        string where = $"'{csv}' line {lineNo}";
        var cls = Cell("object");
        if (cls.Length == 0) throw new DatasetException($"{where}: empty object (class) name.");
        var split = Cell("split").ToLowerInvariant() switch
        {
            "train" => Split.Train,
            "test" => Split.Test,
            var s => throw new DatasetException($"{where}: split '{s}' is neither train nor test."),
        };
        var anomalous = Cell("label").ToLowerInvariant() switch
        {
            "normal" => false,
            "anomaly" => true,
            var l => throw new DatasetException($"{where}: label '{l}' is neither normal nor anomaly."),
        };
        if (anomalous && split == Split.Train)
            throw new DatasetException($"{where}: class '{cls}' has an anomalous training image; training sets hold normals only.");
        var image = ExistingFile(root, Cell("image"), where, "image");
        string? mask = anomalous ? ExistingFile(root, Cell("mask"), where, "mask") : null;
        return new ImageSample(cls, split, image, mask, anomalous, anomalous ? AnomalyDefect : MvtecLoader.Good);
    }

    /// <summary>
    /// The split file is data from elsewhere: each path must resolve, after every symbolic link, to an image file
    /// inside the dataset folder, or a crafted row could make the tool read and show any file it can open.
    /// </summary>
    private static string ExistingFile(string root, string relative, string where, string what)
    {
        if (relative.Length == 0) throw new DatasetException($"{where}: empty {what} path.");
        var path = Path.GetFullPath(Path.Combine(root, relative));
        if (!RealPath.IsInside(path, root))
            throw new DatasetException($"{where}: {what} path '{relative}' resolves to '{RealPath.Resolve(path)}', outside the dataset folder '{root}'.");
        if (!File.Exists(path)) throw new DatasetException($"{where}: {what} file not found: '{path}'.");
        if (!ImageFiles.IsImage(RealPath.Resolve(path)) || !ImageFiles.IsImage(path))
            throw new DatasetException($"{where}: {what} path '{relative}' is not an image file (use {string.Join(", ", ImageFiles.Extensions)}).");
        return path;
    }
}
