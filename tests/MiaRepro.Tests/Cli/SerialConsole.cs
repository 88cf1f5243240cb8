namespace MiaRepro.Tests.Cli;

/// <summary>Tests that redirect the process's console run one at a time.</summary>
[CollectionDefinition(nameof(SerialConsole), DisableParallelization = true)]
public sealed class SerialConsole;
