namespace MiaRepro.Tests.Training;

/// <summary>
/// Tests that compare floating-point results of two computations run one at a time: torch's thread count is
/// process-wide, and other tests change it while they run.
/// </summary>
[CollectionDefinition(nameof(SerialTorch), DisableParallelization = true)]
public sealed class SerialTorch;
