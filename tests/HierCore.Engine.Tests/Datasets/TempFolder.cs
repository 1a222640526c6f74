using HierCore.Engine.Imaging;

namespace HierCore.Engine.Tests.Datasets;

/// <summary>A throw-away folder for fixtures the tests write themselves.</summary>
public sealed class TempFolder : IDisposable
{
    public string Root { get; } = Directory.CreateDirectory(
        Path.Combine(Path.GetTempPath(), "hiercore-tests", Guid.NewGuid().ToString("N"))).FullName;

    public string PathOf(string relative) => Path.Combine(Root, relative);

    /// <summary>Writes a solid-colour PNG (creating folders) and returns its full path.</summary>
    public string Png(string relative, int w = 8, int h = 8, byte r = 100, byte g = 150, byte b = 200)
    {
        var img = new RgbImage(w, h);
        for (int i = 0; i < img.Rgb.Length; i += 3) (img.Rgb[i], img.Rgb[i + 1], img.Rgb[i + 2]) = (r, g, b);
        var path = Prepare(relative);
        PngEncoder.Save(img, path);
        return path;
    }

    /// <summary>Writes a grayscale mask PNG whose pixels in the given rectangle have <paramref name="value"/>.</summary>
    public string Mask(string relative, int w = 8, int h = 8, byte value = 255, int x0 = 0, int y0 = 0, int x1 = 4, int y1 = 4)
    {
        var gray = new byte[w * h];
        for (int y = y0; y < y1; y++) for (int x = x0; x < x1; x++) gray[y * w + x] = value;
        var path = Prepare(relative);
        PngEncoder.SaveGray(gray, w, h, path);
        return path;
    }

    public string Text(string relative, string content)
    {
        var path = Prepare(relative);
        File.WriteAllText(path, content);
        return path;
    }

    public string Prepare(string relative)
    {
        var path = PathOf(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return path;
    }

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
