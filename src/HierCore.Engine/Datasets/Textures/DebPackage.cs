using System.Diagnostics;
using System.Formats.Tar;
using System.IO.Compression;
using System.Text;
using HierCore.Engine.Contracts;

namespace HierCore.Engine.Datasets.Textures;

/// <summary>
/// Pulls one file out of a Debian package. A .deb is an `ar` archive holding data.tar.{gz,xz,zst}.
/// gzip is read in pure .NET; .NET has no xz/zstd decoder, so those go through
/// `dpkg-deb --fsys-tarfile`, which streams the uncompressed tar.
/// </summary>
internal static class DebPackage
{
    private const string ArMagic = "!<arch>\n";

    /// <summary>Copies the first member whose path ends with <paramref name="fileSuffix"/> to a temp file.</summary>
    public static string ExtractToTempFile(string debPath, string fileSuffix)
    {
        try
        {
            using var deb = File.OpenRead(debPath);
            var (member, size) = FindDataMember(deb, debPath);
            if (member.EndsWith(".gz", StringComparison.Ordinal))
            {
                using var gz = new GZipStream(new SubStream(deb, size), CompressionMode.Decompress);
                return CopyFromTar(gz, debPath, fileSuffix);
            }
            if (member == "data.tar")
                return CopyFromTar(new SubStream(deb, size), debPath, fileSuffix);
            return ExtractWithDpkgDeb(debPath, member, fileSuffix);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or FormatException)
        {
            throw new DatasetException($"'{debPath}' could not be unpacked (corrupt or truncated package?): {e.Message}", e);
        }
    }

    private static (string Name, long Size) FindDataMember(Stream deb, string debPath)
    {
        var magic = new byte[8];
        if (deb.ReadAtLeast(magic, 8, throwOnEndOfStream: false) != 8 || Encoding.ASCII.GetString(magic) != ArMagic)
            throw new DatasetException($"'{debPath}' is not a Debian package (no ar archive header).");
        var header = new byte[60];
        while (deb.ReadAtLeast(header, 60, throwOnEndOfStream: false) == 60)
        {
            var name = Encoding.ASCII.GetString(header, 0, 16).Trim().TrimEnd('/');
            if (!long.TryParse(Encoding.ASCII.GetString(header, 48, 10).Trim(), out var size) || size < 0)
                throw new DatasetException($"'{debPath}': corrupt ar member header for '{name}'.");
            if (name.StartsWith("data.tar", StringComparison.Ordinal)) return (name, size);
            deb.Seek(size + (size & 1), SeekOrigin.Current); // members are 2-byte aligned
        }
        throw new DatasetException($"'{debPath}' holds no data.tar member.");
    }

    private static string CopyFromTar(Stream tar, string debPath, string fileSuffix)
    {
        using var reader = new TarReader(tar, leaveOpen: true);
        while (reader.GetNextEntry() is { } entry)
        {
            if (entry.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile)) continue;
            if (!entry.Name.EndsWith(fileSuffix, StringComparison.Ordinal) || entry.DataStream is null) continue;
            var temp = Path.Combine(Path.GetTempPath(), $"hiercore-{Guid.NewGuid():N}-{Path.GetFileName(fileSuffix)}");
            try
            {
                using var output = File.Create(temp);
                entry.DataStream.CopyTo(output);
                if (output.Length != entry.Length)
                    throw new DatasetException($"'{debPath}' is truncated: {entry.Name} holds {output.Length} of {entry.Length} bytes.");
            }
            catch
            {
                File.Delete(temp);
                throw;
            }
            return temp;
        }
        throw new DatasetException($"'{debPath}' contains no file ending in '{fileSuffix}'. Is it the ufoai-textures package?");
    }

    private static string ExtractWithDpkgDeb(string debPath, string member, string fileSuffix)
    {
        var start = new ProcessStartInfo("dpkg-deb", ["--fsys-tarfile", debPath])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("no process");
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            throw new DatasetException(
                $"'{debPath}' stores its files as {member}, which .NET cannot decompress, and dpkg-deb is not available " +
                "to do it. Extract the package yourself (dpkg -x / ar + tar) and pass the folder or 0textures.pk3 instead.", e);
        }
        using (process)
        {
            var stderr = process.StandardError.ReadToEndAsync();
            string? result = null;
            try
            {
                result = CopyFromTar(process.StandardOutput.BaseStream, debPath, fileSuffix);
                process.StandardOutput.BaseStream.CopyTo(Stream.Null); // let dpkg-deb finish writing
                process.WaitForExit();
                if (process.ExitCode != 0)
                    throw new DatasetException($"dpkg-deb --fsys-tarfile '{debPath}' failed ({process.ExitCode}): {stderr.Result.Trim()}");
                return result;
            }
            catch
            {
                if (!process.HasExited) process.Kill();
                if (result is not null) File.Delete(result);
                throw;
            }
        }
    }

    /// <summary>Read-only window of <paramref name="length"/> bytes from the current position.</summary>
    private sealed class SubStream(Stream inner, long length) : Stream
    {
        private long _consumed;
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => length;
        public override long Position { get => _consumed; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var left = length - _consumed;
            if (left <= 0) return 0;
            var n = inner.Read(buffer, offset, (int)Math.Min(count, left));
            _consumed += n;
            return n;
        }

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
