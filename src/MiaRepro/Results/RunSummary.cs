using MiaRepro.Attacks;

namespace MiaRepro.Results;

/// <summary>
/// What a run concluded, whole and immutable before anything is written: the one input of the exporters
/// (<c>Reports/IRunExporter</c>), as BenchmarkDotNet's <c>Summary</c> is of its exporters. <c>reproduce</c>, <c>merge</c>
/// and <c>stability</c> produce a <see cref="ReproductionResult"/>; <c>attack</c> an <see cref="AttackRun"/>.
/// </summary>
public abstract record RunSummary
{
    /// <summary>The LiRA variant the run is read with: its figures, and for a reproduction its claims and reduction factors.</summary>
    public abstract string LiraAttack { get; }

    /// <summary>Every recipe's attacks, in the run's order.</summary>
    public abstract IReadOnlyList<KeyValuePair<string, AttackSuite>> Suites { get; }
}
