using Bunit;
using HierCore.Lab.Components.Pages;
using HierCore.Engine.Datasets.Catalog;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace HierCore.Lab.Tests.Components;

public sealed class NewSweepFormTests : IAsyncLifetime
{
    private readonly BunitContext _ctx = BunitSetup.Create("demo", "textures");

    private IRenderedComponent<NewSweep> RenderForm()
    {
        _ctx.Render<MudPopoverProvider>();
        return _ctx.Render<NewSweep>();
    }

    [Fact]
    public void The_default_plan_counts_applicable_pairs_and_names_the_left_out_ones()
    {
        var cut = RenderForm();
        // 3 methods × 4 scenarios × 1 seed = 12, minus PatchCore-OC in S3 and S4.
        Assert.Equal("10", cut.Find("#run-count").TextContent.Trim());
        var na = cut.Find("#not-applicable").TextContent;
        Assert.Contains("PatchCore-OC × S3", na);
        Assert.Contains("PatchCore-OC × S4", na);
        Assert.DoesNotContain("× S1", na);
    }

    [Fact]
    public void The_count_follows_seeds_and_methods_live()
    {
        var cut = RenderForm();
        cut.Find("#sweep-seeds").Input("0-2");
        cut.WaitForAssertion(() => Assert.Equal("30", cut.Find("#run-count").TextContent.Trim()));

        cut.Find("input[data-method=patchcore-oc]").Change(false);
        cut.WaitForAssertion(() => Assert.Equal("24", cut.Find("#run-count").TextContent.Trim())); // 2 methods × 4 × 3
        Assert.Empty(cut.FindAll("#not-applicable"));
    }

    [Fact]
    public void Malformed_seeds_show_a_message_and_disable_submit()
    {
        var cut = RenderForm();
        Assert.False(cut.Find("#submit-sweep").HasAttribute("disabled"));
        cut.Find("#sweep-seeds").Input("1, x");
        cut.WaitForAssertion(() => Assert.Contains(cut.FindAll(".plan-error"), e => e.TextContent.Contains("Seed 'x'")));
        Assert.True(cut.Find("#submit-sweep").HasAttribute("disabled"));
    }

    [Fact]
    public void Only_not_applicable_pairs_leave_nothing_to_queue()
    {
        var cut = RenderForm();
        cut.Find("input[data-method=patchcore]").Change(false);
        cut.Find("input[data-method=hiercore]").Change(false);
        cut.Find("input[data-scenario=S1]").Change(false);
        cut.Find("input[data-scenario=S2]").Change(false);
        cut.WaitForAssertion(() => Assert.Equal("0", cut.Find("#run-count").TextContent.Trim()));
        Assert.Contains(cut.FindAll(".plan-error"), e => e.TextContent.Contains("not applicable"));
        Assert.True(cut.Find("#submit-sweep").HasAttribute("disabled"));
    }

    [Fact]
    public async Task Folds_above_the_smallest_class_are_refused_on_the_criterion_field()
    {
        // "small" has a class of 3 training images: folds:5 cannot be cut from it (the engine would fail each run at load).
        await using var ctx = BunitSetup.Create(new DatasetInfo("small", "/nowhere/small", "mvtec",
            [new DatasetClassInfo("disc", 8, 2, 2, ["crack"], null), new DatasetClassInfo("grid", 3, 2, 2, ["crack"], null)]));
        ctx.Render<MudPopoverProvider>();
        var nav = ctx.Services.GetRequiredService<NavigationManager>();
        nav.NavigateTo(nav.GetUriWithQueryParameter("dataset", "small"));
        var cut = ctx.Render<NewSweep>();
        Assert.Equal(["small"], cut.Instance.Form.Datasets);
        Assert.False(cut.Find("#submit-sweep").HasAttribute("disabled"));

        cut.Find("#setting-criterion").Input("folds:5");
        cut.WaitForAssertion(() => Assert.True(cut.Find("#submit-sweep").HasAttribute("disabled")));
        var field = cut.FindComponents<MudTextField<string>>().Single(f => f.Instance.Label == "Criterion").Instance;
        Assert.True(field.Error);
        Assert.Contains("folds:5", field.ErrorText);
        Assert.Contains("'grid' has 3", field.ErrorText);
        Assert.Contains("dataset 'small'", field.ErrorText);
        Assert.Contains(cut.FindAll(".plan-error"), e => e.TextContent.Contains("folds:5"));

        cut.Find("#setting-criterion").Input("folds:3");
        cut.WaitForAssertion(() => Assert.False(cut.Find("#submit-sweep").HasAttribute("disabled")));
    }

    public Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync() => await _ctx.DisposeAsync();
}
