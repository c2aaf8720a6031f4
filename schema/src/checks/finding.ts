/** One result of the network's schema review: which rule, where, and what to do. */
export interface Finding {
  rule: string;
  severity: 'error' | 'warning';
  /** `Type` or `Type.field` (or `Type.field.argument`). */
  coordinate: string;
  /** The subgraph the coordinate is in, where the rule looks at one subgraph. */
  subgraph?: string;
  message: string;
  fix: string;
}

export function formatFinding(finding: Finding): string {
  const where = finding.subgraph ? `${finding.subgraph}: ` : '';
  return `${finding.severity === 'error' ? 'error' : 'warning'} [${finding.rule}] ${where}${finding.coordinate}: ${finding.message} Fix: ${finding.fix}`;
}

export const hasErrors = (findings: Finding[]) => findings.some((finding) => finding.severity === 'error');
