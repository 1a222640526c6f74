using Microsoft.Extensions.Configuration;

namespace HierCore.Lab.Tests.Fakes;

/// <summary>A configuration source a test can change while the Lab runs, as an operator edits appsettings.json.</summary>
public sealed class MutableConfiguration : IConfigurationSource
{
    private readonly Provider _provider = new();

    public IConfigurationProvider Build(IConfigurationBuilder builder) => _provider;

    public void Set(IDictionary<string, string?> values) => _provider.Replace(values);

    private sealed class Provider : ConfigurationProvider
    {
        public void Replace(IDictionary<string, string?> values)
        {
            Data = new Dictionary<string, string?>(values, StringComparer.OrdinalIgnoreCase);
            OnReload();
        }
    }
}
