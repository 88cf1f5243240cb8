using System.ComponentModel;
using Spectre.Console.Cli;

namespace MiaRepro.Cli;

/// <summary>
/// The option of the commands that read one existing population folder (<c>attack</c>, <c>export</c>):
/// <c>--population-dir</c>. Its old spelling, <c>--population</c>, is <c>reproduce</c>'s example count, and is refused
/// with a pointer to the new one.
/// </summary>
public abstract class PopulationDirSettings : CommandSettings
{
    [CommandOption("--population-dir <DIR>")]
    [Description("population folder: keep.npy, scores.npy, labels.npy, optional logits.npy and models.json")]
    public string? PopulationDir { get; init; }

    [CommandOption("--population <DIR>", IsHidden = true)]
    public string? OldPopulation { get; init; }

    /// <summary>The population folder, or an <see cref="InputException"/> naming the option that is missing or misspelt.</summary>
    public string RequirePopulationDir(string command)
    {
        if (OldPopulation is not null)
        {
            throw new InputException(
                $"--population {OldPopulation}: the population folder of '{command}' is --population-dir " +
                $"(--population is the example count of 'reproduce'): miarepro {command} --population-dir {OldPopulation} ….");
        }

        return PopulationDir ?? throw new InputException($"--population-dir DIR is required; run 'miarepro {command} --help' for the options.");
    }
}
