namespace MiaRepro.Metrics;

/// <summary>
/// What one replicate of the bootstrap over (target, example) cells draws with replacement. <see cref="Crossed"/>
/// (the pigeonhole bootstrap: both, a cell drawn k times for its target and l times for its example weighs k·l) is
/// what every interval starts from; the two one-way schemes measure how much of its variance is the cells' own
/// (<see cref="CrossedInterval"/>).
/// </summary>
public enum BootstrapScheme
{
    Crossed,

    /// <summary>Targets (models) drawn, every example once.</summary>
    Targets,

    /// <summary>Examples drawn, every target once.</summary>
    Examples,
}
