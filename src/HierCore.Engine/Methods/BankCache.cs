using HierCore.Engine.Features;
namespace HierCore.Engine.Methods;

/// <summary>Where a run's group model came from.</summary>
public enum BankOrigin { Built, Memory, Disk }

/// <summary>
/// Keeps fitted groups for reuse; <see cref="GroupModelBuilder"/> does the fitting. A group model depends only on
/// its member images' features and the <see cref="BankSettings"/>, so e.g. the per-class banks of patchcore-oc in
/// S1 and S2 and of hiercore with labels are one and the same. Looked up in memory (least-recently-used entries
/// dropped beyond a byte budget), then in the optional on-disk <see cref="BankStore"/>; built only when neither
/// has it, and then written to both.
/// </summary>
public sealed class BankCache(BankStore? store = null, long maxBytes = 2L << 30) : IDisposable
{
    readonly Dictionary<string, (GroupModel Model, long Bytes)> entries = new();
    readonly LinkedList<string> recency = new();
    readonly object gate = new();

    public BankStore? Store { get; } = store;
    public int Builds { get; private set; }
    public int Hits { get; private set; }

    /// <summary>The model of one group and where it came from; built (and timed) only when no cache has it.</summary>
    public (GroupModel Model, BankOrigin Origin) GetOrBuild(FeatureSet train, IReadOnlyList<int> members, int groupId,
        BankSettings settings, CancellationToken ct, Action<string>? report = null)
    {
        var key = settings.Key(members.Select(m => train.ContentKeys[m]));
        lock (gate)
        {
            if (entries.TryGetValue(key, out var hit))
            {
                Hits++;
                recency.Remove(key);
                recency.AddFirst(key);
                return (hit.Model.Id == groupId ? hit.Model : hit.Model.WithId(groupId), BankOrigin.Memory);
            }
        }
        var origin = BankOrigin.Disk;
        var model = Store?.TryLoad(key, groupId);
        if (model is null)
        {
            origin = BankOrigin.Built;
            model = GroupModelBuilder.Build(train, members, groupId, settings, ct, report);
            Store?.Save(key, model, settings);
        }
        lock (gate)
        {
            if (origin == BankOrigin.Built) Builds++;
            Remember(key, model);
        }
        return (model, origin);
    }

    void Remember(string key, GroupModel model)
    {
        entries[key] = (model, model.Bank.Bytes);
        recency.Remove(key);
        recency.AddFirst(key);
        while (entries.Count > 1 && entries.Values.Sum(e => e.Bytes) > maxBytes)
        {
            var oldest = recency.Last!.Value;
            recency.RemoveLast();
            entries.Remove(oldest); // not disposed: a running method may still hold it; the GC frees the tensor
        }
    }

    public void Dispose()
    {
        lock (gate)
        {
            foreach (var e in entries.Values) e.Model.Dispose();
            entries.Clear();
            recency.Clear();
        }
    }
}
