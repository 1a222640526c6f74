using HierCore.Engine.Contracts;
using HierCore.Engine.Sweeps;
using HierCore.Lab.Sweeps;
using Microsoft.AspNetCore.Components;

namespace HierCore.Lab.Components.Pages;

public partial class NewSweep
{
    public static readonly IReadOnlyDictionary<string, string> ScenarioLabels = new Dictionary<string, string>
    {
        ["S1"] = "labels at train and test",
        ["S2"] = "labels at train only",
        ["S3"] = "labels at test only",
        ["S4"] = "no labels",
    };

    /// <summary>Form state: like SweepRequest but seeds and each setting as typed text (a comma list is a grid axis).</summary>
    public sealed class FormModel
    {
        static readonly SweepRequest Defaults = new();
        public string? Name { get; set; }
        public List<string> Datasets { get; set; } = [.. Defaults.Dataset];
        public List<string> Methods { get; set; } = [.. Defaults.Methods];
        public List<string> Scenarios { get; set; } = [.. Defaults.Scenarios];
        public string SeedsText { get; set; } = string.Join(", ", Defaults.Seeds);
        /// <summary>Every gridable setting, pre-filled with RunSpec's default.</summary>
        public Dictionary<string, string> Settings { get; } = RunSettings.Gridable.ToDictionary(s => s.Name, s => s.Default);
    }

    /// <summary>Pre-selects a dataset (links from the Datasets page).</summary>
    [SupplyParameterFromQuery] public string? Dataset { get; set; }

    [Inject] private HierCore.Lab.Hosting.LabAccess Access { get; set; } = default!;
    [Inject] private Microsoft.AspNetCore.Components.Authorization.AuthenticationStateProvider Auth { get; set; } = default!;
    private bool _canWrite = true;

    internal FormModel Form { get; } = new();
    private IReadOnlyList<string> _datasets = [];
    private List<string> _submitErrors = [];
    private bool _submitting;
    private HierCore.Lab.Data.SweepId? _twin;

    protected override async Task OnInitializedAsync()
    {
        _canWrite = await Access.CanWriteAsync(Auth);
        _datasets = Sweeps.KnownDatasets();
        if (Dataset is not null && _datasets.Contains(Dataset)) Form.Datasets = [Dataset];
        Form.Datasets.RemoveAll(d => !_datasets.Contains(d));
        if (Form.Datasets.Count == 0 && _datasets.Count > 0) Form.Datasets.Add(_datasets[0]);
    }

    internal string? SeedError { get; private set; }

    internal SweepRequest BuildRequest()
    {
        var seeds = SweepPlanner.ParseSeeds(Form.SeedsText, out var error);
        SeedError = error;
        return new SweepRequest
        {
            Name = Form.Name, Dataset = [.. Form.Datasets], Methods = [.. Form.Methods], Scenarios = [.. Form.Scenarios], Seeds = seeds ?? [],
            Grid = Form.Settings.ToDictionary(kv => kv.Key, kv => SweepPlanner.SplitList(kv.Value)),
        };
    }

    private (string Request, LabSweepPlan Plan)? _planned;

    /// <summary>Follows the form live (count, not-applicable pairs, dataset bounds); planned again only when the request changes.</summary>
    internal LabSweepPlan Plan
    {
        get
        {
            var request = BuildRequest();
            var key = HierCore.Lab.Jobs.LabJson.Serialize(request);
            if (_planned is { } p && p.Request == key) return p.Plan;
            var plan = Sweeps.Plan(request);
            _planned = (key, plan);
            return plan;
        }
    }

    /// <summary>
    /// The first problem with a value of this field, checked value by value by the engine; then the bounds that
    /// need the chosen datasets' training images (e.g. folds:F above the smallest class), from the plan.
    /// </summary>
    internal string? SettingProblem(RunSetting setting)
    {
        var values = SweepPlanner.SplitList(Form.Settings[setting.Name]);
        if (values.Count == 0) return "Give at least one value.";
        return values.Select(v => SweepPlanner.Problems(setting, v)).FirstOrDefault(p => p is not null)
            ?? Plan.Errors.FirstOrDefault(e => e.StartsWith(setting.Label + ":", StringComparison.Ordinal));
    }

    private int ValueCount(RunSetting setting) => SweepPlanner.SplitList(Form.Settings[setting.Name]).Distinct().Count();

    private bool CanSubmit => SeedError is null && Plan.IsValid;

    private static void Toggle(List<string> list, string value, bool on)
    {
        if (on && !list.Contains(value)) list.Add(value);
        if (!on) list.Remove(value);
    }

    private async Task SubmitAsync()
    {
        if (!await Access.CanWriteAsync(Auth)) { _submitErrors = ["Sign in to create sweeps."]; return; }
        _submitting = true;
        try
        {
            var created = await Sweeps.CreateAsync(BuildRequest());
            if (created.Id is { } id) Nav.NavigateTo($"runs?sweep={id}");
            else if (created.Existing is { } twin) { _submitErrors = [.. created.Errors]; _twin = twin; }
            else _submitErrors = [.. created.Errors];
        }
        finally { _submitting = false; }
    }
}
