using MiaRepro.Attacks;
using MiaRepro.Populations;
using MiaRepro.Recipes;

namespace MiaRepro.Results;

/// <summary>What <c>miarepro attack</c> concluded: every attack on one population folder, trained here or by another tool.</summary>
/// <param name="Folder">The folder attacked; its name is the recipe's.</param>
/// <param name="Suite">Every attack's outcome (with intervals when <paramref name="BootstrapSeed"/> is given).</param>
/// <param name="BootstrapSeed">The seed of the suite's intervals, or null when it has none.</param>
public sealed record AttackRun(PopulationFolder Folder, AttackSuite Suite, long? BootstrapSeed) : RunSummary
{
    /// <summary>The registered scale's variant for the folder's model count (<see cref="ScaleProfile.LiraAttackFor"/>).</summary>
    public override string LiraAttack => ScaleProfile.LiraAttackFor(Folder.Population.Models);

    public override IReadOnlyList<KeyValuePair<string, AttackSuite>> Suites => [KeyValuePair.Create(Folder.Population.Name, Suite)];
}
