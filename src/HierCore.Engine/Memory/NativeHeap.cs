using System.Runtime.InteropServices;

namespace HierCore.Engine.Memory;

/// <summary>The C library's heap (where libtorch keeps tensor memory on the CPU).</summary>
internal static partial class NativeHeap
{
    private static bool _unavailable = !OperatingSystem.IsLinux();

    /// <summary>
    /// Returns the free pages of every malloc arena to the system (glibc's <c>malloc_trim(0)</c>). Freed memory
    /// otherwise stays resident in the arenas of the threads that freed it. A no-op where the call does not exist
    /// (not Linux, or a C library without it, such as musl).
    /// </summary>
    /// <returns>Whether the call was made.</returns>
    public static bool Trim()
    {
        if (_unavailable) return false;
        try
        {
            _ = MallocTrim(0);
            return true;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            _unavailable = true;
            return false;
        }
    }

    // The soname, not "libc": that name resolves to libc.so, which is a linker script where it exists at all.
    [LibraryImport("libc.so.6", EntryPoint = "malloc_trim")]
    private static partial int MallocTrim(nuint pad);
}
