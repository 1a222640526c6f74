using TorchSharp;
using static TorchSharp.torch;

namespace HierCore.Engine.Backbones;

/// <summary>Parses device specs ("auto", "cpu", "cuda", "cuda:N") into TorchSharp devices.</summary>
internal static class TorchDevices
{
    private static int _threadsConfigured;

    public static Device Resolve(string spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var s = spec.Trim().ToLowerInvariant();
        if (s == "auto") return cuda.is_available() ? CUDA : CPU;
        if (s == "cpu") return CPU;
        if (s != "cuda" && !s.StartsWith("cuda:", StringComparison.Ordinal))
            throw new ArgumentException($"Unknown device '{spec}': expected 'auto', 'cpu', 'cuda' or 'cuda:N'.", nameof(spec));

        var index = 0;
        if (s.Length > 4 && !(int.TryParse(s.AsSpan(5), System.Globalization.NumberStyles.None, null, out index)))
            throw new ArgumentException($"Device '{spec}': the CUDA index after 'cuda:' must be a non-negative integer.", nameof(spec));
        if (!cuda.is_available())
            throw new InvalidOperationException(
                $"Device '{spec}' was requested but CUDA is not available (no GPU visible, or this build uses the CPU-only " +
                "libtorch package libtorch-cpu-linux-x64). Use 'cpu' or 'auto'.");
        var count = cuda.device_count();
        if (index >= count)
            throw new ArgumentException($"Device '{spec}': only {count} CUDA device(s) present (indices 0..{count - 1}).", nameof(spec));
        return new Device(DeviceType.CUDA, index);
    }

    /// <summary>libtorch's intra-op pool: use every core, set once per process so callers can still override it.</summary>
    public static void UseAllCoresOnce()
    {
        if (Interlocked.Exchange(ref _threadsConfigured, 1) == 0) set_num_threads(Environment.ProcessorCount);
    }
}
