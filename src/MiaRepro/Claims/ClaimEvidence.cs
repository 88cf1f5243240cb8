using MiaRepro.Attacks;
using MiaRepro.Populations;

namespace MiaRepro.Claims;

/// <summary>What the claims are decided from: every recipe's trained population and attack outcomes.</summary>
public sealed record ClaimEvidence(
    IReadOnlyDictionary<string, TrainedPopulation> Populations,
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, AttackOutcome>> Attacks,
    int BootstrapReplicates,
    long Seed);
