using HierCore.Engine.Backbones;

namespace HierCore.Engine.Tests.Backbones;

public sealed class OpenMpWaitPolicyTests
{
    [Fact]
    public void Prefer_passive_sets_the_native_variable_but_keeps_a_user_choice()
    {
        var before = OpenMpWaitPolicy.Current();
        OpenMpWaitPolicy.PreferPassive();
        Assert.Equal(before ?? "PASSIVE", OpenMpWaitPolicy.Current());
    }
}
