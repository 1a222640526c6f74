namespace HierCore.Engine.Evaluation;

/// <summary>Argument checks shared by the metrics, so bad input fails with a message naming the metric.</summary>
internal static class ScoreValidation
{
    public static void CheckLengths(int scores, int labels, string metric)
    {
        if (scores != labels)
            throw new ArgumentException($"{metric}: {scores} scores but {labels} labels; they must pair up one to one.");
    }

    // NaN has no place in a ranking (sklearn refuses it too); ±∞ is ordered and therefore allowed.
    public static void CheckNotNaN(double score, int index, string metric)
    {
        if (double.IsNaN(score))
            throw new ArgumentException($"{metric}: score #{index} is NaN; every score must be a number.");
    }
}
