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

    /// <summary>Form state: a SweepRequest's fields and defaults, but seeds as typed text.</summary>
    public sealed class FormModel
    {
        static readonly SweepRequest Defaults = new();
        public string? Name { get; set; }
        public string Dataset { get; set; } = Defaults.Dataset;
        public List<string> Methods { get; set; } = [.. Defaults.Methods];
        public List<string> Scenarios { get; set; } = [.. Defaults.Scenarios];
        public string SeedsText { get; set; } = string.Join(", ", Defaults.Seeds);
        public double CoresetRatio { get; set; } = Defaults.CoresetRatio;
        public string Embedding { get; set; } = Defaults.Embedding;
        public double Lambda { get; set; } = Defaults.Lambda;
        public string Grouping { get; set; } = Defaults.Grouping;
        public string Criterion { get; set; } = Defaults.Criterion;
        public string Routing { get; set; } = Defaults.Routing;
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
        if (Dataset is not null && _datasets.Contains(Dataset)) Form.Dataset = Dataset;
        if (!_datasets.Contains(Form.Dataset) && _datasets.Count > 0) Form.Dataset = _datasets[0];
    }

    internal string? SeedError { get; private set; }

    internal SweepRequest BuildRequest()
    {
        var seeds = SweepPlanner.ParseSeeds(Form.SeedsText, out var error);
        SeedError = error;
        return new SweepRequest
        {
            Name = Form.Name, Dataset = Form.Dataset, Methods = [.. Form.Methods], Scenarios = [.. Form.Scenarios], Seeds = seeds ?? [],
            CoresetRatio = Form.CoresetRatio, Embedding = Form.Embedding, Lambda = Form.Lambda,
            Grouping = Form.Grouping, Criterion = Form.Criterion, Routing = Form.Routing,
        };
    }

    /// <summary>Recomputed on every render: the count and the not-applicable pairs follow the form live.</summary>
    internal SweepPlan Plan => Sweeps.Plan(BuildRequest());

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
