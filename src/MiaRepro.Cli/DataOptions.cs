using System.ComponentModel;
using Spectre.Console.Cli;

namespace MiaRepro.Cli;

/// <summary>
/// The data group, declared once for every command that reads a dataset (<c>reproduce</c>, <c>stability</c>,
/// <c>sweep</c>, <c>merge</c>, <c>bench train</c>): where the dataset's files are.
/// </summary>
public abstract class DataOptions : CommandSettings
{
    [CommandOption("--data-dir <DIR>")]
    [Description("folder holding the dataset files (default: $MIAREPRO_DATA, else the dataset's default folder: /usr/share/datasets/fashion-mnist for Fashion-MNIST)")]
    public string? DataDir { get; init; }
}
