namespace MiaRepro.Metrics;

/// <summary>
/// One score set's [models, examples] cells sorted once by descending score, with the cell (model · examples +
/// example) of each and where each group of tied scores ends, so that every bootstrap replicate is a weighted sweep
/// in this order without re-sorting.
/// </summary>
internal sealed class BootstrapCells
{
    public BootstrapCells(double[] scores, bool[] keep)
    {
        (Scores, Members, Cells) = RocSweep.SortDescending(scores, keep);
        Membership = new byte[Members.Length];
        GroupEnds = new bool[Members.Length];
        for (var i = 0; i < Members.Length; i++)
        {
            Membership[i] = Members[i] ? (byte)1 : (byte)0;
            GroupEnds[i] = i == Members.Length - 1 || Scores[i + 1] != Scores[i];
        }
    }

    public double[] Scores { get; }

    public bool[] Members { get; }

    /// <summary><see cref="Members"/> as 1 and 0, for sums without branches.</summary>
    public byte[] Membership { get; }

    /// <summary>The cell (model · examples + example) of each sorted score.</summary>
    public int[] Cells { get; }

    /// <summary>True at the last score of each group of equal scores.</summary>
    public bool[] GroupEnds { get; }

    /// <summary>The metrics of all cells, each counted once (the full data).</summary>
    public AttackMetrics Full() => AttackMetrics.FromSorted(Scores, Members, default);
}
