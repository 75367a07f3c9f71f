export interface LintIssue {
  elementId: string;
  message: string;
  category: 'error' | 'warn' | 'info' | 'rule-error';
  rule: string;
}

type ReportedIssues = Record<string, { id: string; message: string; category: string; rule?: string }[]>;

const order: Record<string, number> = { error: 0, 'rule-error': 0, warn: 1, info: 2 };

/** bpmn-js-bpmnlint's issues (by element) as one list, errors first, then by element id. */
export function flattenIssues(issues: ReportedIssues): LintIssue[] {
  return Object.values(issues)
    .flat()
    .map((issue) => ({
      elementId: issue.id,
      message: issue.message,
      category: issue.category as LintIssue['category'],
      rule: issue.rule ?? '',
    }))
    .sort(
      (a, b) =>
        (order[a.category] ?? 3) - (order[b.category] ?? 3) ||
        a.elementId.localeCompare(b.elementId) ||
        a.message.localeCompare(b.message),
    );
}
