using System.Security.Cryptography;
using System.Text;
using FluentAssertions;
using MiaRepro.Recipes;
using MiaRepro.Registration;
using MiaRepro.Results;
using MiaRepro.Runs;
using MiaRepro.Training;
using Xunit;

namespace MiaRepro.Tests.Registration;

/// <summary>The committed pre-registration: what the build embeds, what it registers, and that the designs are built from it.</summary>
public sealed class PreregistrationTests
{
    private static string FileOnDisk()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, Preregistration.RepositoryPath);
            if (File.Exists(path))
            {
                return path;
            }
        }

        throw new FileNotFoundException($"{Preregistration.RepositoryPath} not found above {AppContext.BaseDirectory}.");
    }

    [Fact]
    public void The_build_embeds_the_committed_file_and_names_it_by_its_SHA256()
    {
        // Given the file in the repository, line endings as LF
        var text = File.ReadAllText(FileOnDisk()).Replace("\r\n", "\n", StringComparison.Ordinal);

        // When
        var current = Preregistration.Current;

        // Then
        current.Sha256.Should().Be(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text))));
        current.Format.Should().Be(Preregistration.ExpectedFormat);
        current.Claims.Select(c => c.Id).Should().Equal("C0", "C1", "C2", "C3a", "C3b", "C4", "C5");
        current.Claims.Should().OnlyContain(c => c.Direction == "above" && c.Recipes.All(RecipeCatalog.Contains));
    }

    [Fact]
    public void Each_scale_is_the_registered_design()
    {
        foreach (var scale in ScaleProfile.All)
        {
            // Given
            var design = Preregistration.Current.Scale(scale.Name);

            // Then
            (scale.Dataset, scale.Models, scale.Population, scale.Validation, scale.Test, scale.LiraAttack)
                .Should().Be((design.Dataset, design.Models, design.Population, design.Validation, design.Test, design.Attack), scale.Name);
            scale.Recipes.Should().Equal(design.Recipes, scale.Name);
            scale.Replicates.Should().Be(design.Replicates, scale.Name);
            design.Replicates.Should().Be(scale.Name == "claims" ? 5 : 1, "the claims scale replicates the smoke design; the others run one population per recipe");
            design.Queries.Should().Be(QueryGrid.DefaultQueries);
            design.BootstrapReplicates.Should().Be(new RunSettings(scale, scale.Dataset, null, "cpu", scale.Recipes, 0, "out", 1).BootstrapReplicates);
            design.Confirmatory.Should().Be(design.ConfirmingSeeds.Count > 0, "a design is confirmatory exactly when its confirming seeds are written");
        }

        ScaleProfile.Paper.Recipes.Should().Equal(RecipeCatalog.PaperGrid);
        ScaleProfile.Smoke.Test.Should().Be(10_000, "C5 measures test accuracy on Fashion-MNIST's whole test split");
    }

    [Fact]
    public void A_file_with_an_unknown_key_or_format_is_refused_with_what_is_wrong()
    {
        // Given the committed file with a misspelt key, and with another format
        var text = File.ReadAllText(FileOnDisk());
        var typo = text.Replace("\"threshold\": 1.0", "\"treshold\": 1.0", StringComparison.Ordinal);
        var format = text.Replace(Preregistration.ExpectedFormat, "miarepro-preregistration-v0", StringComparison.Ordinal);

        // When
        var parseTypo = () => Preregistration.Parse(Encoding.UTF8.GetBytes(typo));
        var parseFormat = () => Preregistration.Parse(Encoding.UTF8.GetBytes(format));

        // Then
        parseTypo.Should().Throw<System.Text.Json.JsonException>().WithMessage("*treshold*");
        parseFormat.Should().Throw<InvalidDataException>().WithMessage("*miarepro-preregistration-v0*");
    }
}
