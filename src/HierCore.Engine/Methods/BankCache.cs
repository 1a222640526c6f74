using HierCore.Engine.Features;
namespace HierCore.Engine.Methods;

/// <summary>Where a run's group model came from.</summary>
public enum BankOrigin
{
    /// <summary>Coreset selected and criterion estimated by this request.</summary>
    Built,
    /// <summary>Criterion estimated on a coreset already in memory (another criterion or re-weighting).</summary>
    CoresetReused,
    /// <summary>The whole model taken from memory (e.g. a λ or routing grid).</summary>
    Memory,
    /// <summary>The whole model loaded from the on-disk <see cref="BankStore"/>.</summary>
    Disk,
}

/// <summary>
/// Keeps fitted groups for reuse; <see cref="GroupModelBuilder"/> does the fitting. Keys come from the settings
/// registry through <see cref="BankSettings"/>, at three levels:
/// <list type="bullet">
/// <item>the group model (bank + criterion sample): coreset, scoring and criterion settings and the members' content —
/// a λ, routing or scale grid reuses it whole; looked up in memory, then in the optional on-disk
/// <see cref="BankStore"/>, and written to both when computed;</item>
/// <item>the coreset bank: coreset settings and members only — a criterion or re-weighting grid estimates a new
/// criterion on it instead of selecting the coreset again;</item>
/// <item>raw scores (<see cref="ScoreMemo"/>): shared between models on one bank that score the same way (same
/// re-weighting), whatever their criterion.</item>
/// </list>
/// Least-recently-used coresets (and the models on them) are dropped from memory beyond a byte budget.
/// </summary>
public sealed class BankCache(BankStore? store = null, long maxBytes = 2L << 30) : IDisposable
{
    readonly Dictionary<string, GroupModelBuilder.Coreset> _coresets = new();
    readonly Dictionary<string, (GroupModel Model, string Coreset)> _models = new();
    readonly Dictionary<string, (ScoreMemo Memo, string Coreset)> _memos = new();
    readonly List<IDisposable> _detached = []; // loaded banks whose coreset was already cached: disposed with the cache
    readonly LinkedList<string> _recency = new(); // coreset keys, most recent first
    readonly object _gate = new();

    public BankStore? Store { get; } = store;

    /// <summary>Group models whose criterion was estimated here, coresets selected here, and models served whole from memory.</summary>
    public int Builds { get; private set; }
    public int CoresetBuilds { get; private set; }
    public int Hits { get; private set; }

    /// <summary>The model of one group and where it came from; computed (and timed) only as far as no cache has it.</summary>
    public (GroupModel Model, BankOrigin Origin) GetOrBuild(FeatureSet train, IReadOnlyList<int> members, int groupId,
        BankSettings settings, CancellationToken ct, Action<string>? report = null)
    {
        var content = members.Select(m => train.ContentKeys[m]).ToArray();
        var modelKey = settings.Key(content);
        var coresetKey = settings.CoresetKey(content);
        var memoKey = settings.ScoresKey(content);
        GroupModelBuilder.Coreset? coreset;
        lock (_gate)
        {
            if (_models.TryGetValue(modelKey, out var hit))
            {
                Hits++;
                Touch(hit.Coreset);
                return (hit.Model.Id == groupId ? hit.Model : hit.Model.WithId(groupId), BankOrigin.Memory);
            }
            _coresets.TryGetValue(coresetKey, out coreset);
        }

        var loaded = Store?.TryLoad(modelKey, groupId);
        if (loaded is not null)
            lock (_gate) return (Remember(loaded, modelKey, coresetKey, memoKey, builtCoreset: false), BankOrigin.Disk);

        var origin = coreset is null ? BankOrigin.Built : BankOrigin.CoresetReused;
        coreset ??= GroupModelBuilder.BuildCoreset(train, members, settings, ct, report);
        GroupModel model;
        try { model = GroupModelBuilder.Fit(train, members, groupId, coreset, settings, null, ct, report); }
        catch
        {
            if (origin == BankOrigin.Built) coreset.Bank.Dispose(); // not cached yet: its tensors go now, not at some later GC
            throw;
        }
        Store?.Save(modelKey, model, settings);
        lock (_gate)
        {
            Builds++;
            return (Remember(model, modelKey, coresetKey, memoKey, builtCoreset: origin == BankOrigin.Built, coreset), origin);
        }
    }

    /// <summary>Caches the model (and its coreset, unless one is there) and gives it the shared score memo. Under the lock.</summary>
    GroupModel Remember(GroupModel model, string modelKey, string coresetKey, string memoKey, bool builtCoreset,
        GroupModelBuilder.Coreset? coreset = null)
    {
        if (!_coresets.ContainsKey(coresetKey))
        {
            // A loaded model's coreset time is not stored apart from its criterion's: its build time stands for both.
            _coresets[coresetKey] = coreset ?? new GroupModelBuilder.Coreset(model.Bank, model.BuildSeconds);
            if (builtCoreset) CoresetBuilds++;
        }
        else if (!ReferenceEquals(_coresets[coresetKey].Bank, model.Bank)) _detached.Add(model.Bank);
        if (!_memos.TryGetValue(memoKey, out var memo)) _memos[memoKey] = memo = (new ScoreMemo(), coresetKey);
        var shared = model.SharingScores(memo.Memo);
        _models[modelKey] = (shared, coresetKey);
        Touch(coresetKey);
        Evict();
        return shared;
    }

    void Touch(string coresetKey)
    {
        _recency.Remove(coresetKey);
        _recency.AddFirst(coresetKey);
    }

    void Evict()
    {
        while (_coresets.Count > 1 && _coresets.Values.Sum(c => c.Bank.Bytes) > maxBytes)
        {
            var oldest = _recency.Last!.Value;
            _recency.RemoveLast();
            _coresets.Remove(oldest); // not disposed: a running method may still hold it; the GC frees the tensor
            foreach (var k in _models.Where(m => m.Value.Coreset == oldest).Select(m => m.Key).ToList()) _models.Remove(k);
            foreach (var k in _memos.Where(m => m.Value.Coreset == oldest).Select(m => m.Key).ToList()) _memos.Remove(k);
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            foreach (var c in _coresets.Values) c.Bank.Dispose(); // models share these banks: each disposed once
            foreach (var d in _detached) d.Dispose();
            _coresets.Clear();
            _models.Clear();
            _memos.Clear();
            _detached.Clear();
            _recency.Clear();
        }
    }
}
