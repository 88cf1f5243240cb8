using FluentAssertions;
using MiaRepro.Reports.Text;
using Xunit;

namespace MiaRepro.Tests.Reports;

public sealed class TextTableTests
{
    [Fact]
    public void Markdown_has_the_header_its_rule_and_a_line_per_row_with_empty_cells_as_one_space()
    {
        var table = TextTable.Of(["attack", "AUC", ""], [["loss", "0.512", ""], ["entropy", "not run: no logits", "x"]]);

        table.ToMarkdown().Should().Be(string.Join(Environment.NewLine,
            "| attack | AUC | |",
            "|---|---|---|",
            "| loss | 0.512 | |",
            "| entropy | not run: no logits | x |",
            string.Empty));
    }

    [Fact]
    public void A_row_of_the_wrong_width_is_a_bug_of_its_builder()
    {
        var build = () => TextTable.Of(["a", "b"], [["1"]]);

        build.Should().Throw<ArgumentException>().WithMessage("A row has 1 cells for 2 columns.*");
    }
}
