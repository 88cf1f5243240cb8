using System.Diagnostics;
using MiaRepro.Recipes;
using static TorchSharp.torch;

namespace MiaRepro.Training.Models;

/// <summary>Builds the network a <see cref="ModelSpec"/> describes, for images of a given shape and a number of classes.</summary>
public static class ModelFactory
{
    /// <summary>
    /// A freshly initialized network on the CPU, in training mode, whose weights are drawn from
    /// <paramref name="generator"/> only: the same seed gives the same weights.
    /// </summary>
    public static nn.Module<Tensor, Tensor> Create(
        ModelSpec spec, int channels, int height, int width, int classes, Generator generator)
    {
        spec.Validate();
        if (channels < 1 || height < 1 || width < 1 || classes < 2)
        {
            throw new InputException(
                $"A model needs images of at least 1 channel and 1×1 pixels and at least 2 classes, got " +
                $"{channels}×{height}×{width} and {classes} classes.");
        }

        var parameters = spec.Parameters(channels, height, width, classes);
        if (spec.Architecture == ModelSpec.SmallCnnName && double.IsPositiveInfinity(parameters))
        {
            throw new InputException(
                $"A {ModelSpec.SmallCnnName} of depth {spec.Depth} halves the image {spec.Depth} times, more than {height}×{width} pixels allow: use a depth of at most {Math.Floor(Math.Log2(Math.Min(height, width)))}.");
        }

        if (parameters > ModelSpec.MaxParameters)
        {
            throw new InputException(
                $"A {spec.Architecture} of width {spec.Width}, depth {spec.Depth} and hidden {spec.Hidden} on {channels}×{height}×{width} images has about {parameters:0.###e0} parameters, more than MiaRepro trains ({ModelSpec.MaxParameters:N0}): use a smaller width, depth or hidden layer.");
        }

        return spec.Architecture switch
        {
            ModelSpec.SmallCnnName =>
                new SmallCnn(spec.Width, spec.Depth, spec.Hidden, channels, height, width, classes, generator),
            ModelSpec.ResNetName =>
                new ResNet(spec.Width, spec.Depth == 18 ? [2, 2, 2, 2] : [3, 4, 6, 3], channels, classes, generator),
            ModelSpec.WideResNetName =>
                new WideResNet(spec.Width, (spec.Depth - 4) / 6, channels, classes, generator),
            _ => throw new UnreachableException($"Validated architecture '{spec.Architecture}' has no builder."),
        };
    }
}
