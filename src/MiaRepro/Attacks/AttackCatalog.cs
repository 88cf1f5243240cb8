namespace MiaRepro.Attacks;

/// <summary>The attacks by their stable names.</summary>
public static class AttackCatalog
{
    public static IReadOnlyList<IMembershipAttack> All { get; } =
    [
        new LossAttack(),
        new LiraOnlineAttack(),
        new LiraOfflineAttack(),
        new LiraOnlineAttack(LiraVariance.Global),
        new LiraOfflineAttack(LiraVariance.Global),
        new LiraOnlineAttack(LiraVariance.PerExample, LiraConvention.Reference),
        new LiraOfflineAttack(LiraVariance.PerExample, LiraConvention.Reference),
        new LiraOnlineAttack(LiraVariance.Global, LiraConvention.Reference),
        new LiraOfflineAttack(LiraVariance.Global, LiraConvention.Reference),
        new LiraOnlineAttack(LiraVariance.Global, LiraConvention.LeakPro),
        new LiraOfflineAttack(LiraVariance.Global, LiraConvention.LeakPro),
        new ConfidenceAttack(),
        new EntropyAttack(),
        new ModifiedEntropyAttack(),
        new CalibratedLossAttack(),
        new ShokriAttack(),
        RmiaAttack.Online(),
        RmiaAttack.Offline(),
        new RmiaTunedAttack(),
        new RmiaAuthorsAttack(online: true),
        new RmiaAuthorsAttack(online: false),
    ];

    public static IReadOnlyList<string> Names { get; } = [.. All.Select(a => a.Name)];

    /// <summary>The catalogue with the RMIA paper's attacks (<c>rmia-*-authors</c>) under <paramref name="rmia"/>.</summary>
    public static IReadOnlyList<IMembershipAttack> With(RmiaSettings rmia) =>
        [.. All.Select(a => a is RmiaAuthorsAttack r ? new RmiaAuthorsAttack(r.Name == "rmia-online-authors", rmia) : a)];

    /// <exception cref="InputException">No attack has that name; the message lists the valid names.</exception>
    public static IMembershipAttack Get(string name) =>
        All.FirstOrDefault(a => string.Equals(a.Name, name, StringComparison.Ordinal))
        ?? throw new InputException($"Unknown attack '{name}'; valid attacks are: {string.Join(", ", Names)}.");
}
