using HierCore.Engine.Storage;

namespace HierCore.Engine.Methods;

/// <summary>
/// Fitted groups on disk (<c>data/banks/&lt;key[0..2]&gt;/&lt;key&gt;.bank</c>), keyed by <see cref="BankSettings.Key"/>:
/// a second process, or a later sweep with the same settings, loads a bank instead of building it. Entries are
/// written atomically and checked on load (<see cref="SealedFile"/>); a corrupt entry is deleted and reported as
/// a miss, so it is built again. Safe for several processes: the last writer of a key wins with equal content.
/// </summary>
public sealed class BankStore(string root)
{
    long _loads, _writes, _corrupt;

    public string Root { get; } = Path.GetFullPath(root);
    public long Loads => Interlocked.Read(ref _loads);
    public long Writes => Interlocked.Read(ref _writes);
    public long CorruptDetected => Interlocked.Read(ref _corrupt);

    /// <summary>Raised with (path, reason) when a corrupt entry is found and deleted.</summary>
    public event Action<string, string>? CorruptEntry;

    public string EntryPath(string key)
    {
        if (key.Length != 64 || !key.All(Uri.IsHexDigit)) throw new ArgumentException($"BankStore: '{key}' is not a bank key.", nameof(key));
        return Path.Combine(Root, key[..2], key + ".bank");
    }

    public GroupModel? TryLoad(string key, int groupId)
    {
        var path = EntryPath(key);
        var bytes = SealedFile.TryReadAll(path);
        if (bytes is null) return null;
        var model = GroupModelFormat.TryDecode(bytes, key, groupId, out var reason);
        if (model is null)
        {
            SealedFile.TryDelete(path);
            Interlocked.Increment(ref _corrupt);
            CorruptEntry?.Invoke(path, reason);
            return null;
        }
        Interlocked.Increment(ref _loads);
        return model;
    }

    public void Save(string key, GroupModel model, BankSettings settings)
    {
        var path = EntryPath(key);
        SealedFile.WriteAtomically(path, GroupModelFormat.Encode(model, key, settings));
        Interlocked.Increment(ref _writes);
    }
}
