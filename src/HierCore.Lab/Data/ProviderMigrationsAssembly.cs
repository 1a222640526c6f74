using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace HierCore.Lab.Data;

/// <summary>
/// EF finds migrations by their [DbContext] attribute, so two sets for one context in one assembly would clash.
/// This keeps only the types in the active provider's namespace (<see cref="LabDbProvider.MigrationsNamespace"/>),
/// for Migrate() at start-up and for `dotnet ef migrations add` alike.
/// </summary>
public sealed class ProviderMigrationsAssembly(ICurrentDbContext current) : IMigrationsAssembly
{
    private IReadOnlyDictionary<string, TypeInfo>? _migrations;
    private ModelSnapshot? _snapshot;
    private bool _snapshotLoaded;

    public Assembly Assembly => typeof(LabDbContext).Assembly;

    private string Namespace => LabDbProvider.MigrationsNamespace(current.Context.Database.ProviderName);

    private IEnumerable<TypeInfo> OwnTypes => Assembly.DefinedTypes.Where(t =>
        t.Namespace == Namespace && !t.IsAbstract
        && t.GetCustomAttribute<DbContextAttribute>()?.ContextType == current.Context.GetType());

    public IReadOnlyDictionary<string, TypeInfo> Migrations => _migrations ??= new SortedDictionary<string, TypeInfo>(
        OwnTypes.Where(t => t.IsSubclassOf(typeof(Migration)))
            .Select(t => (Id: t.GetCustomAttribute<MigrationAttribute>()?.Id, Type: t))
            .Where(m => m.Id is not null)
            .ToDictionary(m => m.Id!, m => m.Type), StringComparer.OrdinalIgnoreCase);

    public ModelSnapshot? ModelSnapshot
    {
        get
        {
            if (_snapshotLoaded) return _snapshot;
            var type = OwnTypes.FirstOrDefault(t => t.IsSubclassOf(typeof(ModelSnapshot)));
            _snapshot = type is null ? null : (ModelSnapshot)Activator.CreateInstance(type.AsType())!;
            _snapshotLoaded = true;
            return _snapshot;
        }
    }

    /// <summary>Accepts a full id (20261129183821_InitialCreate) or the name after the timestamp.</summary>
    public string? FindMigrationId(string nameOrId) => Migrations.Keys.FirstOrDefault(id =>
        string.Equals(id, nameOrId, StringComparison.OrdinalIgnoreCase)
        || (id.Length > 15 && string.Equals(id[15..], nameOrId, StringComparison.OrdinalIgnoreCase)));

    public Migration CreateMigration(TypeInfo migrationClass, string activeProvider)
    {
        var migration = (Migration)Activator.CreateInstance(migrationClass.AsType())!;
        migration.ActiveProvider = activeProvider;
        return migration;
    }
}
