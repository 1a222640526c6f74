using HierCore.Engine.Contracts;

namespace HierCore.Engine.Tests.Contracts;

public class ResultJsonTests
{
    [Fact]
    public void Specs_are_written_in_snake_case_and_read_in_snake_or_camel_case()
    {
        var json = ResultJson.Serialize(new RunSpec { Dataset = "demo", Method = "patchcore", Scenario = Scenario.S2, CoresetRatio = 0.25 }, indented: false);
        Assert.Contains("\"coreset_ratio\":0.25", json);
        Assert.DoesNotContain("coresetRatio", json);

        const string camel = """{"dataset":"d","method":"hiercore","scenario":"S4","coresetRatio":0.3,"mapsPerClass":5}""";
        const string snake = """{"dataset":"d","method":"hiercore","scenario":"S4","coreset_ratio":0.3,"maps_per_class":5}""";
        Assert.Equal(ResultJson.Deserialize<RunSpec>(snake), ResultJson.Deserialize<RunSpec>(camel));
        Assert.Equal((0.3, 5), (ResultJson.Deserialize<RunSpec>(camel).CoresetRatio, ResultJson.Deserialize<RunSpec>(camel).MapsPerClass));
    }

    [Fact]
    public void Positional_records_round_trip_and_nan_is_null()
    {
        var criterion = new GroupCriterion("g", 1.5, double.NaN, 3, 4, "bottle");
        var json = ResultJson.Serialize(criterion, indented: false);
        Assert.Equal("""{"group":"g","mean":1.5,"std":null,"threshold":3,"samples":4,"majority_class":"bottle"}""", json);
        var back = ResultJson.Deserialize<GroupCriterion>(json);
        Assert.Equal(("g", 1.5, 3.0, "bottle"), (back.Group, back.Mean, back.Threshold, back.MajorityClass));
        Assert.True(double.IsNaN(back.Std));
    }
}
