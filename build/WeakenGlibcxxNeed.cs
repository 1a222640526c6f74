// Build-time fix for TorchSharp on hosts whose libstdc++ predates GCC 13 (Debian 12 stops at GLIBCXX_3.4.30).
// libLibTorchSharp.so declares a version need GLIBCXX_3.4.32 whose only symbol (std::ios_base_library_init)
// is never bound, so the dynamic loader refuses the library for nothing. Marking that need VER_FLG_WEAK (2)
// in .gnu.version_r lets it load. Applied to the copy in the build output only; a no-op where the host's
// libstdc++ already provides the version.
using System;
using System.IO;
using System.Text;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

public class WeakenGlibcxxNeed : Task
{
    [Required] public string LibraryPath { get; set; } = "";
    public string Version { get; set; } = "GLIBCXX_3.4.32";

    public override bool Execute()
    {
        if (!File.Exists(LibraryPath)) return true;
        if (HostProvides(Version)) { Log.LogMessage(MessageImportance.Low, $"Host libstdc++ provides {Version}; nothing to do."); return true; }
        var bytes = File.ReadAllBytes(LibraryPath);
        int patched = Patch(bytes, Version);
        if (patched < 0) { Log.LogMessage(MessageImportance.Low, $"{LibraryPath}: no {Version} need found."); return true; }
        if (patched > 0) { File.WriteAllBytes(LibraryPath, bytes); Log.LogMessage(MessageImportance.High, $"Marked {Version} as a weak version need in {LibraryPath}."); }
        return true;
    }

    static bool HostProvides(string version)
    {
        foreach (var p in new[] { "/usr/lib/x86_64-linux-gnu/libstdc++.so.6", "/usr/lib64/libstdc++.so.6", "/usr/lib/libstdc++.so.6" })
            if (File.Exists(p)) return Encoding.ASCII.GetString(File.ReadAllBytes(p)).Contains(version + "\0");
        return false;
    }

    /// <summary>Returns 1 when patched, 0 when already weak, -1 when the need is absent.</summary>
    public static int Patch(byte[] b, string version)
    {
        if (b.Length < 64 || b[0] != 0x7f || b[1] != 'E' || b[2] != 'L' || b[3] != 'F' || b[4] != 2) return -1; // ELF64 only
        long shoff = BitConverter.ToInt64(b, 0x28);
        int shentsize = BitConverter.ToUInt16(b, 0x3A), shnum = BitConverter.ToUInt16(b, 0x3C);
        for (int i = 0; i < shnum; i++)
        {
            long sh = shoff + (long)i * shentsize;
            uint type = BitConverter.ToUInt32(b, (int)sh + 4);
            if (type != 0x6ffffffe) continue; // SHT_GNU_verneed
            long off = BitConverter.ToInt64(b, (int)sh + 0x18);
            uint link = BitConverter.ToUInt32(b, (int)sh + 0x28);
            long strOff = BitConverter.ToInt64(b, (int)(shoff + (long)link * shentsize) + 0x18);
            long vn = off;
            while (true)
            {
                int cnt = BitConverter.ToUInt16(b, (int)vn + 2);
                long aux = vn + BitConverter.ToUInt32(b, (int)vn + 8);
                for (int j = 0; j < cnt; j++)
                {
                    uint name = BitConverter.ToUInt32(b, (int)aux + 8);
                    if (ReadString(b, strOff + name) == version)
                    {
                        int flagsAt = (int)aux + 4;
                        ushort flags = BitConverter.ToUInt16(b, flagsAt);
                        if ((flags & 2) != 0) return 0;
                        flags |= 2;
                        b[flagsAt] = (byte)(flags & 0xff); b[flagsAt + 1] = (byte)(flags >> 8);
                        return 1;
                    }
                    uint next = BitConverter.ToUInt32(b, (int)aux + 12);
                    if (next == 0) break;
                    aux += next;
                }
                uint vnNext = BitConverter.ToUInt32(b, (int)vn + 12);
                if (vnNext == 0) break;
                vn += vnNext;
            }
        }
        return -1;
    }

    static string ReadString(byte[] b, long at)
    {
        int end = (int)at;
        while (end < b.Length && b[end] != 0) end++;
        return Encoding.ASCII.GetString(b, (int)at, end - (int)at);
    }
}
