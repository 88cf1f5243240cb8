using System.ComponentModel;
using MiaRepro.Store;
using Spectre.Console.Cli;

namespace MiaRepro.Cli;

/// <summary>The model-store group of the commands that make one run (<c>reproduce</c>, <c>audit</c>): a store, or none.</summary>
public abstract class StoreRunOptions : RunOptions
{
    [CommandOption("--store <DIR>")]
    [Description("model store: trained models are kept and reused by content (default: $MIAREPRO_STORE, else ~/.cache/miarepro)")]
    public string? Store { get; init; }

    [CommandOption("--no-store")]
    [Description("train every model afresh and store nothing")]
    public bool NoStore { get; init; }

    /// <summary>The store's folder, or null with <c>--no-store</c>.</summary>
    /// <exception cref="InputException">Both <c>--no-store</c> and <c>--store</c>, or a blank <c>MIAREPRO_STORE</c>.</exception>
    protected string? StoreRoot => NoStore
        ? Store is null ? null : throw new InputException($"--no-store and --store {Store} contradict each other: give one of them.")
        : Store ?? ModelStore.DefaultRoot();
}
