using MiaRepro.Attacks;
using MiaRepro.Populations;
using MiaRepro.Results;

namespace MiaRepro.Runs;

/// <summary><c>miarepro attack</c>'s job: every attack on one population folder, with intervals when asked for.</summary>
public static class FolderAttack
{
    /// <param name="replicates">Bootstrap replicates of the intervals; 0 for none.</param>
    /// <param name="seed">The master seed the intervals' bootstrap seed is derived from (<see cref="RunSettings.DeriveBootstrapSeed"/>), as a reproduction's are.</param>
    public static AttackRun Run(PopulationFolder folder, IReadOnlyList<IMembershipAttack> attacks, int replicates, long seed)
    {
        ArgumentNullException.ThrowIfNull(folder);
        ArgumentOutOfRangeException.ThrowIfNegative(replicates);
        ArgumentOutOfRangeException.ThrowIfNegative(seed);
        var suite = AttackSuite.Run(folder.Population, attacks);
        if (replicates == 0)
        {
            return new AttackRun(folder, suite, null);
        }

        var bootstrapSeed = RunSettings.DeriveBootstrapSeed(seed);
        return new AttackRun(folder, suite.WithIntervals(folder.Population, replicates, bootstrapSeed), bootstrapSeed);
    }
}
