using static TorchSharp.torch;

namespace MiaRepro.Training;

/// <summary>Turns <c>--device auto|cpu|cuda</c> into a torch device: cuda when asked for (or auto) and available.</summary>
public static class DeviceSelector
{
    public static IReadOnlyList<string> Names { get; } = ["auto", "cpu", "cuda"];

    public static Device Resolve(string name) => name switch
    {
        "cpu" => CPU,
        "cuda" when cuda.is_available() => CUDA,
        "cuda" => throw new InputException(
            "--device cuda was asked for but CUDA is not available. Build with -p:TorchBackend=cuda on a machine " +
            "with an NVIDIA GPU and driver, or use --device cpu."),
        "auto" => cuda.is_available() ? CUDA : CPU,
        _ => throw new InputException($"Unknown device '{name}'. Valid devices: {string.Join(", ", Names)}."),
    };
}
