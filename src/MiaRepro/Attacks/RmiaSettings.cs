namespace MiaRepro.Attacks;

/// <summary>
/// RMIA as its authors run it: the settings of the RMIA paper's CIFAR-10 configurations (Zarifzadeh et al. 2024;
/// privacytrustlab/ml_privacy_meter at d327341, <c>research/2024_rmia/attack_configs/cifar10/rmia_online_254_ref_models.yaml</c>
/// and <c>rmia_offline_127_ref_models.yaml</c>, computed by <c>research/2024_rmia/main.py</c>), each a parameter.
/// </summary>
/// <param name="Gamma">γ: x beats z when LR(x)/LR(z) &gt; γ (<c>gamma: 2.0</c>).</param>
/// <param name="Temperature">The logits are divided by it before the signal (<c>temperature: 2.0</c>).</param>
/// <param name="Margin">The soft margin m taken from the true class's scaled logit (<c>taylor_m: 0.6</c>).</param>
/// <param name="TaylorOrder">
/// n of the Taylor softmax: exp(u) is replaced by 1 + u + u²/2! + … + u^(n−1)/(n−1)! (<c>taylor_n: 4</c>, so terms up
/// to u³, as the authors' <c>get_taylor</c> sums them).
/// </param>
/// <param name="TrimFraction">Pr(x) is the trimmed mean over the reference models, this fraction cut from each end (<c>proportiontocut: 0.2</c>, scipy's trim_mean).</param>
/// <param name="OfflineA">Offline, Pr(x) = ½((1 + a)·Pr_OUT(x) + (1 − a)) (<c>offline_a: 0.3</c>).</param>
public sealed record RmiaSettings(
    double Gamma = 2.0, double Temperature = 2.0, double Margin = 0.6, int TaylorOrder = 4, double TrimFraction = 0.2, double OfflineA = 0.3)
{
    /// <summary>The paper's configuration.</summary>
    public static RmiaSettings Authors { get; } = new();

    /// <summary>The settings by the names results.json records them under (and <c>miarepro attack --rmia</c> takes).</summary>
    public IReadOnlyDictionary<string, double> ByName => new Dictionary<string, double>
    {
        ["gamma"] = Gamma, ["temperature"] = Temperature, ["margin"] = Margin, ["taylor-order"] = TaylorOrder,
        ["trim"] = TrimFraction, ["offline-a"] = OfflineA,
    };

    /// <summary>Why these settings cannot be used, or null.</summary>
    public string? Invalid() =>
        Gamma <= 0 || !double.IsFinite(Gamma) ? $"γ must be a positive number (got {Gamma})"
        : Temperature <= 0 || !double.IsFinite(Temperature) ? $"the temperature must be a positive number (got {Temperature})"
        : TaylorOrder < 2 ? $"the Taylor order must be at least 2 (got {TaylorOrder})"
        : TrimFraction is < 0 or >= 0.5 ? $"the trimmed fraction must lie in [0, 0.5) (got {TrimFraction})"
        : OfflineA is < 0 or > 1 ? $"offline a must lie in [0, 1] (got {OfflineA})"
        : null;
}
