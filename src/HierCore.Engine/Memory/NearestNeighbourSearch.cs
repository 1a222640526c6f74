using static TorchSharp.torch;

namespace HierCore.Engine.Memory;

/// <summary>
/// Euclidean (not squared) distance from each query row to its k nearest bank rows (METHOD.md §3.2), computed
/// block by block as ‖a‖² + ‖b‖² − 2abᵀ with a running best, so no Q×M matrix is ever held. With sources,
/// a bank entry whose source image equals the query's is ignored (leave-image-out); a query with every
/// entry excluded gets distance +∞ and index −1. Returns [Q, k] distances (float32) and indices (int64).
/// </summary>
public static class NearestNeighbourSearch
{
    // 512 × 1024 floats = 2 MiB per partial block: the min pass reads it back from cache, both dimensions
    // are large enough for the matrix product to run near its peak, and more bank blocks mean fewer rows
    // improved per block (see UpdateNearest).
    public const int DefaultQueryBlock = 512;
    public const int DefaultBankBlock = 1024;

    public static (Tensor Distances, Tensor Indices) Nearest(
        Tensor queries, Tensor bank, Tensor? querySource = null, Tensor? bankSource = null, int k = 1) =>
        Nearest(queries, bank, querySource, bankSource, k, DefaultQueryBlock, DefaultBankBlock);

    public static (Tensor Distances, Tensor Indices) Nearest(
        Tensor queries, Tensor bank, Tensor? querySource, Tensor? bankSource, int k, int queryBlock, int bankBlock)
    {
        if (queryBlock < 1 || bankBlock < 1)
            throw new ArgumentOutOfRangeException(nameof(queryBlock), "NearestNeighbourSearch: block sizes must be ≥ 1.");
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        var (q, b, qs, bs) = Validate(queries, bank, querySource, bankSource, k);
        q = q.to(b.device);
        long nq = q.shape[0], nb = b.shape[0];
        // Augmented rows fold ‖b‖² into the product: [a, 1]·[−2b, ‖b‖²]ᵀ = ‖b‖² − 2abᵀ in one matrix product,
        // saving a full pass over every partial block (it matters at D = 128, where the product is short).
        var bankAugmented = cat([b.mul(-2), b.mul(b).sum(1, keepdim: true)], 1);
        var distances = new List<Tensor>();
        var indices = new List<Tensor>();
        for (long q0 = 0; q0 < nq; q0 += queryBlock)
        {
            using var blockScope = NewDisposeScope();
            long q1 = Math.Min(nq, q0 + queryBlock);
            var block = q.slice(0, q0, q1, 1);
            var blockAugmented = cat([block, ones([q1 - q0, 1], ScalarType.Float32, b.device)], 1);
            var blockSource = qs?.slice(0, q0, q1, 1);
            long? sharedSource = blockSource is null ? null : SharedSource(blockSource);
            var best = full([q1 - q0, k], float.PositiveInfinity, ScalarType.Float32, b.device);
            var bestIndex = full([q1 - q0, k], -1L, ScalarType.Int64, b.device);
            for (long m0 = 0; m0 < nb; m0 += bankBlock)
            {
                using var inner = NewDisposeScope();
                long m1 = Math.Min(nb, m0 + bankBlock);
                // ‖b‖² − 2abᵀ: ‖a‖² is constant along the row, so it is added once after the minimum.
                var partial = blockAugmented.mm(bankAugmented.slice(0, m0, m1, 1).t());
                if (bs is not null) Exclude(partial, blockSource!, sharedSource, bs.slice(0, m0, m1, 1));
                if (k == 1) UpdateNearest(partial, m0, ref best, ref bestIndex);
                else
                {
                    var (values, args) = Smallest(partial, k);
                    args = args.add(m0).masked_fill(values.isinf(), -1);
                    (best, bestIndex) = Merge(best, bestIndex, values, args, k);
                }
                best.MoveToOuterDisposeScope();
                bestIndex.MoveToOuterDisposeScope();
            }
            var queryNorm = block.mul(block).sum(1, keepdim: true);
            distances.Add(best.add(queryNorm).clamp_min(0).sqrt().MoveToOuterDisposeScope());
            indices.Add(bestIndex.MoveToOuterDisposeScope());
        }
        var d = nq == 0 ? empty([0, k], ScalarType.Float32, b.device) : cat(distances, 0);
        var i = nq == 0 ? empty([0, k], ScalarType.Int64, b.device) : cat(indices, 0);
        return (d.MoveToOuterDisposeScope(), i.MoveToOuterDisposeScope());
    }

    /// <summary>Reference: the full Q×M distance matrix from the definition √Σ(a−b)², then the k smallest.</summary>
    public static (Tensor Distances, Tensor Indices) NearestNaive(
        Tensor queries, Tensor bank, Tensor? querySource = null, Tensor? bankSource = null, int k = 1)
    {
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        var (q, b, qs, bs) = Validate(queries, bank, querySource, bankSource, k);
        q = q.to(b.device);
        var full = q.unsqueeze(1).sub(b.unsqueeze(0)).square().sum(2).sqrt();
        if (qs is not null) full = full.masked_fill(qs.unsqueeze(1).eq(bs!.unsqueeze(0)), float.PositiveInfinity);
        var (values, args) = k == 1 ? full.min(1, keepdim: true) : Smallest(full, k);
        args = args.masked_fill(values.isinf(), -1);
        return (values.MoveToOuterDisposeScope(), args.MoveToOuterDisposeScope());
    }

    /// <summary>
    /// Running minimum for k = 1. A min-with-index reduction is ~17× slower than a values-only one on the
    /// CPU, so the arg-min is taken only on the rows this bank block improves (fewer and fewer as blocks go).
    /// Strictly smaller wins, so on a tie the earlier block (smaller index) keeps the row.
    /// </summary>
    private static void UpdateNearest(Tensor partial, long m0, ref Tensor best, ref Tensor bestIndex)
    {
        var values = partial.amin([1], keepdim: true);
        var better = values.lt(best);
        var rows = better.squeeze(1).nonzero().squeeze(1);
        if (rows.shape[0] == 0) return;
        var args = partial.index_select(0, rows).argmin(1, keepdim: true).add(m0);
        best = where(better, values, best);
        bestIndex = bestIndex.index_copy(0, rows, args);
    }

    private static void Exclude(Tensor partial, Tensor blockSource, long? sharedSource, Tensor bankSource)
    {
        // Typical leave-image-out block: all queries from one image, so only that image's columns are hit.
        if (sharedSource is long s)
            partial.index_fill_(1, bankSource.eq(s).nonzero().squeeze(1), float.PositiveInfinity);
        else
            partial.masked_fill_(blockSource.unsqueeze(1).eq(bankSource.unsqueeze(0)), float.PositiveInfinity);
    }

    private static long? SharedSource(Tensor blockSource)
    {
        long lo = blockSource.min().item<long>(), hi = blockSource.max().item<long>();
        return lo == hi ? lo : null;
    }

    /// <summary>k smallest per row; when a block has fewer than k columns, the rest is padded with +∞.</summary>
    private static (Tensor Values, Tensor Indices) Smallest(Tensor m, int k)
    {
        long take = Math.Min(k, m.shape[1]);
        var (values, args) = m.topk((int)take, 1, largest: false, sorted: true);
        if (take == k) return (values, args);
        var pad = k - take;
        return (cat([values, full([m.shape[0], pad], float.PositiveInfinity, values.dtype, m.device)], 1),
                cat([args, full([m.shape[0], pad], -1L, ScalarType.Int64, m.device)], 1));
    }

    private static (Tensor, Tensor) Merge(Tensor best, Tensor bestIndex, Tensor values, Tensor args, int k)
    {
        var (v, pos) = cat([best, values], 1).topk(k, 1, largest: false, sorted: true);
        return (v, cat([bestIndex, args], 1).gather(1, pos));
    }

    private static (Tensor Q, Tensor B, Tensor? Qs, Tensor? Bs) Validate(
        Tensor queries, Tensor bank, Tensor? querySource, Tensor? bankSource, int k)
    {
        ArgumentNullException.ThrowIfNull(queries);
        ArgumentNullException.ThrowIfNull(bank);
        if (queries.dim() != 2 || bank.dim() != 2 || queries.shape[1] != bank.shape[1])
            throw new ArgumentException($"NearestNeighbourSearch: queries [Q, D] and bank [M, D] must share D; got [{string.Join(", ", queries.shape)}] and [{string.Join(", ", bank.shape)}].", nameof(queries));
        if (k < 1) throw new ArgumentOutOfRangeException(nameof(k), k, "NearestNeighbourSearch: k must be ≥ 1.");
        if ((querySource is null) != (bankSource is null))
            throw new ArgumentException("NearestNeighbourSearch: give both querySource and bankSource, or neither.", nameof(querySource));
        if (querySource is not null && (querySource.numel() != queries.shape[0] || bankSource!.numel() != bank.shape[0]))
            throw new ArgumentException("NearestNeighbourSearch: querySource must have Q entries and bankSource M entries.", nameof(querySource));
        var b = bank.to(ScalarType.Float32);
        var q = queries.to(ScalarType.Float32);
        var qs = querySource?.reshape(-1).to(ScalarType.Int64).to(b.device);
        var bs = bankSource?.reshape(-1).to(ScalarType.Int64).to(b.device);
        return (q, b, qs, bs);
    }
}
