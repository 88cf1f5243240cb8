using System.Text.Json.Nodes;
using MiaRepro.Claims;
using MiaRepro.Reports;

namespace MiaRepro.Tests.Coverage;

/// <summary>A results.json with the fields <see cref="MiaRepro.Coverage.MeasuredPopulation"/> reads: the design and one claim, as a reproduction writes it.</summary>
internal static class ResultsJsonFile
{
    public static void Write(string folder, long seed, ClaimResult claim, int models = 64)
    {
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "results.json"), new JsonObject
        {
            ["seed"] = seed,
            ["dataset"] = "fashion-mnist",
            ["models_per_recipe"] = models,
            ["population"] = 1000,
            ["epochs"] = 12,
            ["queries"] = 2,
            ["recipes"] = new JsonObject { ["baseline"] = new JsonObject { ["recipe_hash"] = "abc" } },
            ["preregistration"] = new JsonObject { ["version"] = 4, ["sha256"] = "0123" },
            ["claims"] = new JsonArray(ResultsJson.Claim(claim)),
        }.ToJsonString());
    }
}
