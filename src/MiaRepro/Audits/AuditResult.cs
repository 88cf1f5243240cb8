using MiaRepro.Results;

namespace MiaRepro.Audits;

/// <summary>An audit: the reproduction of the baseline and the audited recipes (with the population's images), and what the audit concluded.</summary>
public sealed record AuditResult(ReproductionResult Run, AuditSummary Summary);
