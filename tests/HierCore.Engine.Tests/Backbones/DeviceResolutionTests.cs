using HierCore.Engine.Backbones;
using TorchSharp;
using static TorchSharp.torch;

namespace HierCore.Engine.Tests.Backbones;

public sealed class DeviceResolutionTests
{
    [Theory]
    [InlineData("cpu")]
    [InlineData(" CPU ")]
    public void Cpu_spec_resolves_to_the_cpu(string spec) =>
        Assert.Equal(DeviceType.CPU, ResNet18Backbone.ResolveDevice(spec).type);

    [Fact]
    public void Auto_picks_cuda_exactly_when_it_is_available() =>
        Assert.Equal(cuda.is_available() ? DeviceType.CUDA : DeviceType.CPU, ResNet18Backbone.ResolveDevice("auto").type);

    [Theory]
    [InlineData("gpu")]
    [InlineData("")]
    [InlineData("cuda:")]
    [InlineData("cuda:-1")]
    [InlineData("cuda:one")]
    public void Unknown_specs_throw_an_argument_exception_naming_the_spec(string spec)
    {
        var error = Assert.Throws<ArgumentException>(() => ResNet18Backbone.ResolveDevice(spec));
        Assert.Equal("spec", error.ParamName);
        Assert.Contains($"'{spec}'", error.Message);
    }

    [Theory]
    [InlineData("cuda")]
    [InlineData("cuda:0")]
    public void Cuda_without_a_gpu_says_cuda_is_not_available(string spec)
    {
        if (cuda.is_available())
        {
            Assert.Equal(DeviceType.CUDA, ResNet18Backbone.ResolveDevice(spec).type);
            return;
        }
        var error = Assert.Throws<InvalidOperationException>(() => ResNet18Backbone.ResolveDevice(spec));
        Assert.Contains("CUDA is not available", error.Message);
    }
}
