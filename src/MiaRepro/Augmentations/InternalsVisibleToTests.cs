using System.Runtime.CompilerServices;

// The operation kernels (ImageOps, AugmentationSpace) are internal; their known-answer tests live in MiaRepro.Tests.
[assembly: InternalsVisibleTo("MiaRepro.Tests")]
