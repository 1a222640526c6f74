using System.Runtime.InteropServices;

namespace HierCore.Engine.Backbones;

/// <summary>
/// libtorch's CPU kernels run on OpenMP (libgomp), whose idle threads spin by default. On a machine shared
/// with other busy processes the spinning threads are preempted at every barrier: measured here (2 cores,
/// load ≈ 12–20) the TorchSharp ResNet18 ran 2× slower than with OMP_WAIT_POLICY=PASSIVE, and on par
/// with ONNX Runtime with it.
/// </summary>
public static partial class OpenMpWaitPolicy
{
    private const string Variable = "OMP_WAIT_POLICY";

    /// <summary>
    /// Sets OMP_WAIT_POLICY=PASSIVE in the native environment unless the user set it. libgomp reads it once,
    /// when libtorch is first loaded, so call this first thing in Main, before any TorchSharp call; later calls
    /// change nothing. .NET's Environment.SetEnvironmentVariable does not reach native getenv on Unix, hence libc.
    /// </summary>
    public static void PreferPassive()
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS()) return;
        _ = setenv(Variable, "PASSIVE", overwrite: 0);
    }

    /// <summary>The value libgomp will see (or saw), from the native environment.</summary>
    public static string? Current() =>
        OperatingSystem.IsLinux() || OperatingSystem.IsMacOS() ? Marshal.PtrToStringUTF8(getenv(Variable)) : Environment.GetEnvironmentVariable(Variable);

    [LibraryImport("libc", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int setenv(string name, string value, int overwrite);

    [LibraryImport("libc", StringMarshalling = StringMarshalling.Utf8)]
    private static partial nint getenv(string name);
}
