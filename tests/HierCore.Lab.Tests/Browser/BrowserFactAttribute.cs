using HierCore.Tests.Shared;

namespace HierCore.Lab.Tests.Browser;

/// <summary>Needs Debian's chromium: skipped on a developer machine without it, run (and failing) on CI.</summary>
public sealed class BrowserFactAttribute() : ExternalFactAttribute(File.Exists(Chromium) ? null : $"{Chromium} is missing (apt-get install -y chromium)")
{
    public const string Chromium = "/usr/bin/chromium";
}
