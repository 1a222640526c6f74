using static TorchSharp.torch;

namespace HierCore.Engine.Memory;

/// <summary>
/// The rows of an [N, D] patch matrix, read a range at a time. Coreset selection needs every row once (to project it
/// to 128 dims) and then only the picked rows, so a group's patches never have to be in memory together: a unified
/// bank over a whole dataset holds its projected rows, not its patches (docs/METHOD.md §3.1).
/// </summary>
public interface IPatchRows
{
    long Rows { get; }
    int Dim { get; }

    /// <summary>Rows [start, end) as [end − start, D] in any float type (float16 from the feature cache); the caller disposes it.</summary>
    Tensor Read(long start, long end);

    /// <summary>The given rows, in the given order, as a contiguous [k, D] float32 tensor; the caller disposes it.</summary>
    Tensor Gather(long[] rows);
}

/// <summary>Rows of a tensor already in memory (tests, small sets).</summary>
public sealed class TensorPatchRows(Tensor patches) : IPatchRows
{
    public long Rows => patches.shape[0];
    public int Dim => (int)patches.shape[1];

    public Tensor Read(long start, long end) => patches.slice(0, start, end, 1);

    public Tensor Gather(long[] rows)
    {
        using var scope = NewDisposeScope();
        using var index = tensor(rows, ScalarType.Int64, patches.device);
        // Pick first, then widen: a float16 matrix never exists as a float32 copy.
        return patches.index_select(0, index).to(ScalarType.Float32).contiguous().MoveToOuterDisposeScope();
    }
}
