namespace HierCore.Lab.Tests.Browser;

/// <summary>
/// A browser test skips only on a developer machine without Debian's chromium; on CI (CI set) it always runs,
/// so a missing browser there fails loudly instead of passing silently.
/// </summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public const string Chromium = "/usr/bin/chromium";

    public BrowserFactAttribute()
    {
        if (!File.Exists(Chromium) && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI")))
            Skip = $"{Chromium} is missing (apt-get install -y chromium); skipped outside CI.";
    }
}
