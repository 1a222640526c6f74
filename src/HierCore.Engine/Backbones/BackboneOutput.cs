using static TorchSharp.torch;

namespace HierCore.Engine.Backbones;

/// <summary>The two feature taps PatchCore reads: layer2 [B,128,28,28] and layer3 [B,256,14,14] at 224×224 input.</summary>
public sealed record BackboneOutput(Tensor Layer2, Tensor Layer3) : IDisposable
{
    public void Dispose()
    {
        Layer2.Dispose();
        Layer3.Dispose();
    }
}
