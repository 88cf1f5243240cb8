namespace MiaRepro.Recipes;

/// <summary>
/// The architecture of a recipe, as a value of primitives (it is part of the recipe's hash).
/// </summary>
/// <param name="Architecture">One of <see cref="Architectures"/>.</param>
/// <param name="Width">
/// Channels of the first stage; each later stage doubles them. <c>small-cnn</c>: the first convolution
/// (16 → 16, 32); <c>resnet</c>: the first stage (64 → 64, 128, 256, 512); <c>wide-resnet</c>: the first
/// group, 16·k for widening factor k (32 → 32, 64, 128 for WRN-28-2).
/// </param>
/// <param name="Depth">
/// <c>small-cnn</c>: convolution blocks (conv → ReLU → 2×2 max-pool); <c>resnet</c>: 18 or 34 layers
/// (BasicBlocks); <c>wide-resnet</c>: layers, 6n + 4 for n blocks per group (28 → 4 blocks).
/// </param>
/// <param name="Hidden">Units of the hidden classifier layer of <c>small-cnn</c>; 0 for the residual networks, which have none.</param>
public sealed record ModelSpec(string Architecture, int Width, int Depth, int Hidden)
{
    public const string SmallCnnName = "small-cnn";
    public const string ResNetName = "resnet";
    public const string WideResNetName = "wide-resnet";

    public static IReadOnlyList<string> Architectures { get; } = [SmallCnnName, ResNetName, WideResNetName];

    /// <summary>Two 3×3 convolution blocks of 16 and 32 channels and a 128-unit hidden layer: minutes on a CPU.</summary>
    public static ModelSpec SmallCnn { get; } = new(SmallCnnName, 16, 2, 128);

    /// <summary>The paper's model: ResNet-18 in its CIFAR form (3×3 stem, no max-pool), 11.2M parameters.</summary>
    public static ModelSpec ResNet18 { get; } = new(ResNetName, 64, 18, 0);

    /// <summary>WideResNet-28-2 (Zagoruyko and Komodakis 2016), the LiRA reference's model, 1.5M parameters.</summary>
    public static ModelSpec Wrn28x2 { get; } = new(WideResNetName, 32, 28, 0);

    /// <summary>
    /// The most parameters a network may have (ResNet-34 has 21.3M): its weights, gradients and momentum take 12 bytes
    /// each, several models train side by side, and a recipe file under a kilobyte must not be able to ask for more
    /// memory than a machine has.
    /// </summary>
    public const long MaxParameters = 50_000_000;

    /// <summary>
    /// The network's parameter count on images of <paramref name="channels"/>×<paramref name="height"/>×<paramref name="width"/>
    /// with <paramref name="classes"/> classes: exact for the small CNN, scaled from the reference widths' counts
    /// (quadratic in width, linear in WideResNet's blocks) for the residual networks; computed in floating point, so no
    /// setting overflows it. Infinite for a small CNN with more pooling blocks than the image's sides allow.
    /// </summary>
    public double Parameters(int channels, int height, int width, int classes)
    {
        switch (Architecture)
        {
            case SmallCnnName:
                if (Depth > 30 || (height >> Depth) == 0 || (width >> Depth) == 0)
                {
                    return double.PositiveInfinity;
                }

                double total = 0, inChannels = channels;
                for (var block = 0; block < Depth; block++)
                {
                    var outChannels = Width * Math.Pow(2, block);
                    total += (inChannels * outChannels * 9) + outChannels;
                    inChannels = outChannels;
                }

                var flat = inChannels * (height >> Depth) * (width >> Depth);
                return total + (flat * Hidden) + Hidden + (((double)Hidden + 1) * classes);
            case ResNetName:
                return (Depth == 34 ? 21.3e6 : 11.2e6) * Math.Pow(Width / 64.0, 2);
            default:
                return 1.47e6 * Math.Pow(Width / 32.0, 2) * ((Depth - 4) / 6) / 4.0;
        }
    }

    /// <summary>Throws an <see cref="InputException"/> naming the first setting no network can be built from.</summary>
    public void Validate()
    {
        if (!Architectures.Contains(Architecture))
        {
            throw new InputException(
                $"Unknown architecture '{Architecture}'. Valid architectures: {string.Join(", ", Architectures)}.");
        }

        if (Width < 1)
        {
            throw new InputException($"Model width {Width}: a {Architecture} needs at least 1 channel.");
        }

        switch (Architecture)
        {
            case SmallCnnName when Depth < 1 || Hidden < 1:
                throw new InputException(
                    $"A {SmallCnnName} needs at least 1 convolution block and 1 hidden unit, got depth {Depth} and hidden {Hidden}.");
            case ResNetName when Depth is not (18 or 34):
                throw new InputException($"ResNet depth {Depth}: valid depths are 18 and 34.");
            case WideResNetName when Depth < 10 || (Depth - 4) % 6 != 0:
                throw new InputException($"WideResNet depth {Depth}: the depth must be 6n + 4 with n ≥ 1 (10, 16, 22, 28, …).");
            case ResNetName or WideResNetName when Hidden != 0:
                throw new InputException($"A {Architecture} has no hidden layer: hidden must be 0, got {Hidden}.");
        }

        // Refused before any data is read: on the smallest images it can take (one channel, two classes) the network is
        // already too large. (A small CNN deeper than any image allows is refused where the image is known.)
        var least = LeastParameters();
        if (least > MaxParameters && !double.IsPositiveInfinity(least))
        {
            throw new InputException(string.Create(
                System.Globalization.CultureInfo.InvariantCulture,
                $"A {Architecture} of width {Width}, depth {Depth} and hidden {Hidden} has at least {least:0.###e0} parameters on any image, more than MiaRepro trains ({MaxParameters:N0}): use a smaller width, depth or hidden layer."));
        }
    }

    /// <summary>
    /// The fewest parameters this network has on any image it can take: one channel, two classes, and (small CNN) the
    /// smallest side its pooling blocks allow, 2^depth; infinite where no image can be that large.
    /// </summary>
    public double LeastParameters()
    {
        var side = Architecture == SmallCnnName ? (Depth > 30 ? 0 : 1 << Depth) : 1;
        return side == 0 ? double.PositiveInfinity : Parameters(1, side, side, 2);
    }
}
