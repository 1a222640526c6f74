namespace HierCore.Engine.Tests.Evaluation;

/// <summary>Deliberately naive reference implementations the fast metrics are checked against.</summary>
internal static class Reference
{
    /// <summary>AUROC by counting every (anomalous, normal) pair: 1 for a win, ½ for a tie. O(n²).</summary>
    public static double PairCountingAuroc(IReadOnlyList<double> scores, IReadOnlyList<bool> labels)
    {
        double wins = 0;
        long pairs = 0;
        for (int i = 0; i < scores.Count; i++)
        {
            if (!labels[i]) continue;
            for (int j = 0; j < scores.Count; j++)
            {
                if (labels[j]) continue;
                pairs++;
                wins += scores[i] > scores[j] ? 1 : scores[i] == scores[j] ? 0.5 : 0;
            }
        }
        return wins / pairs;
    }

    /// <summary>Random scores rounded to a few levels so that ties are frequent.</summary>
    public static (double[] Scores, bool[] Labels) RandomWithTies(Random rng, int n, int levels, double positiveRate)
    {
        var scores = new double[n];
        var labels = new bool[n];
        for (int i = 0; i < n; i++)
        {
            labels[i] = rng.NextDouble() < positiveRate;
            scores[i] = Math.Round(rng.NextDouble() * levels + (labels[i] ? 1 : 0)) / levels;
        }
        return (scores, labels);
    }
}
