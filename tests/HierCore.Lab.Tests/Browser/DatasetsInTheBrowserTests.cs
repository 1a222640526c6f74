using Microsoft.Playwright;

namespace HierCore.Lab.Tests.Browser;

/// <summary>Generating a small demo from the Datasets page: progress, then the dataset listed on the same page.</summary>
[Collection(Integration.LabCollection.Name)]
public sealed class DatasetsInTheBrowserTests
{
    [BrowserFact]
    public async Task A_demo_generated_from_the_page_appears_on_it_without_a_restart()
    {
        await using var s = await BrowserSession.StartAsync("datasets");
        var page = s.Page;
        await s.OpenAsync("datasets");
        await page.ClickAsync("#add-dataset .mud-expand-panel-header");
        await page.FillAsync("#gen-name", "mini");
        foreach (var (field, value) in new[] { ("#gen-size", "64"), ("#gen-train", "2"), ("#gen-good", "1"), ("#gen-defective", "1") })
        {
            await page.FillAsync(field, value);
            await page.Locator(field).PressAsync("Tab");
        }
        await s.ShotAsync("datasets-generate-form");
        await page.ClickAsync("#gen-start");
        await Assertions.Expect(page.Locator(".gen-job[data-name=mini][data-status=Succeeded]")).ToHaveCountAsync(1, new() { Timeout = 120_000 });
        await Assertions.Expect(page.Locator("[data-dataset=mini]")).ToHaveCountAsync(1, new() { Timeout = 20_000 });
        await s.ShotAsync("datasets-generated");
        Assert.Empty(s.Console);
    }
}
