namespace MiaRepro.Registration;

/// <summary>One scale's registered design: what is trained and attacked, and whether its verdicts are confirmatory.</summary>
/// <param name="Confirmatory">Whether the design is frozen and its verdicts at <see cref="ConfirmingSeeds"/> confirm the claims.</param>
/// <param name="Replicates">Independent replicate populations per recipe (own split, keep matrix and model seeds).</param>
/// <param name="Twins">
/// Twin models per recipe of C4: twin t trains on the keep row of model t with another seed, so the pair differs
/// only in training randomness. Kept out of the attacks and their shadows.
/// </param>
/// <param name="Queries">Query views per example.</param>
/// <param name="Attack">The attack the claims are decided with.</param>
/// <param name="Convention">Its estimator convention (see <c>LiraConvention</c>).</param>
/// <param name="ConfirmingSeeds">The master seeds chosen, after the design was frozen, to confirm it (none before).</param>
/// <param name="Undecided">
/// Claims this scale measures and reports but does not decide (id → why: e.g. a pilot showed the design cannot
/// resolve the effect); their verdict is inconclusive by design. Null or empty: every claim is decided.
/// </param>
public sealed record RegisteredDesign(
    string Name,
    bool Confirmatory,
    string Dataset,
    IReadOnlyList<string> Recipes,
    int Models,
    int Population,
    int Validation,
    int Test,
    int Replicates,
    int Twins,
    int Queries,
    int BootstrapReplicates,
    string Attack,
    string Convention,
    IReadOnlyList<long> ConfirmingSeeds,
    IReadOnlyDictionary<string, string>? Undecided = null);
