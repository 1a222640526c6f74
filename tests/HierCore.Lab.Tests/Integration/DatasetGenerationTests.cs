using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HierCore.Lab.Tests.Fakes;

namespace HierCore.Lab.Tests.Integration;

/// <summary>Generating a dataset through the API: a background job with a status; the dataset is listed when done, without a restart.</summary>
[Collection(LabCollection.Name)]
public sealed class DatasetGenerationTests(LabFactory lab)
{
    [Fact]
    public async Task A_generated_demo_appears_in_the_catalog_and_a_second_one_of_the_same_name_is_refused()
    {
        var http = lab.CreateClient();
        var name = $"gen-{Guid.NewGuid():N}"[..12];
        var response = await http.PostAsJsonAsync("/api/datasets/generate", new { kind = "demo", name, image_size = 64, train = 2, test_good = 1, test_defective = 1 });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var id = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString();

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(120);
        string status;
        do
        {
            await Task.Delay(200);
            status = JsonDocument.Parse(await http.GetStringAsync($"/api/datasets/jobs/{id}")).RootElement.GetProperty("status").GetString()!;
        } while (status == "Running" && DateTime.UtcNow < deadline);
        Assert.Equal("Succeeded", status);

        using var list = JsonDocument.Parse(await http.GetStringAsync("/api/datasets"));
        var listed = list.RootElement.GetProperty("datasets").EnumerateArray().Single(d => d.GetProperty("name").GetString() == name);
        Assert.True(listed.GetProperty("classes").GetInt32() > 0);
        Assert.Equal(2 * listed.GetProperty("classes").GetInt32(), listed.GetProperty("train_images").GetInt32());
        Assert.Contains(name, await http.GetStringAsync("/datasets"));

        var again = await http.PostAsJsonAsync("/api/datasets/generate", new { kind = "demo", name });
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Contains("already exists", await again.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("{\"kind\":\"magic\",\"name\":\"ok\"}", "kind")]
    [InlineData("{\"kind\":\"demo\",\"name\":\"../escape\"}", "name")]
    [InlineData("{\"kind\":\"demo\",\"name\":\"tiny\",\"image_size\":8}", "image_size")]
    public async Task Bad_requests_are_refused_naming_the_field(string body, string field)
    {
        var response = await lab.CreateClient().PostAsync("/api/datasets/generate", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(field + ":", await response.Content.ReadAsStringAsync());
    }
}
