using MiaRepro.Results;

namespace MiaRepro.Reports;

/// <summary>What the exporters write: the run's summary, and what the report made of it (plots, warnings, their seconds).</summary>
public sealed record RunReport(RunSummary Summary, ReportSupplement Supplement);
