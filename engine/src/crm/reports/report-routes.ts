import type { Knex } from 'knex';
import { badRequest, type FieldError } from '../../infra/errors/app-error.js';
import type { SecureRouter } from '../../http/secure-router.js';
import { complianceGroupings, slaCompliance, type ComplianceGrouping } from './sla-compliance.js';

const dayMs = 86_400_000;
/** The longest period one report covers. */
export const maxReportDays = 731;

function dateParam(value: unknown, name: string, errors: FieldError[]): Date {
  const text = typeof value === 'string' ? value : '';
  const date = new Date(/^\d{4}-\d{2}-\d{2}$/.test(text) ? `${text}T00:00:00Z` : text);
  if (text === '' || Number.isNaN(date.getTime())) {
    errors.push({ path: name, message: 'must be a date (YYYY-MM-DD) or an ISO 8601 instant' });
  }
  return date;
}

/** Reports for dashboards: `GET /api/v1/reports/sla-compliance?from&to&groupBy`. */
export function reportRoutes(router: SecureRouter, deps: { db: Knex; timeZone: string }): void {
  router.get('/api/v1/reports/sla-compliance', 'reports.read', async (req, res) => {
    const errors: FieldError[] = [];
    const from = dateParam(req.query.from, 'from', errors);
    const to = dateParam(req.query.to, 'to', errors);
    const groupBy = (req.query.groupBy ?? 'type') as ComplianceGrouping;
    if (!complianceGroupings.includes(groupBy)) {
      errors.push({ path: 'groupBy', message: `must be one of ${complianceGroupings.join(', ')}` });
    }
    if (errors.length === 0 && to.getTime() <= from.getTime())
      errors.push({ path: 'to', message: 'must be after from' });
    if (errors.length === 0 && to.getTime() - from.getTime() > maxReportDays * dayMs) {
      errors.push({ path: 'to', message: `at most ${maxReportDays} days after from` });
    }
    if (errors.length > 0) throw badRequest('Invalid report parameters.', errors);
    const items = await slaCompliance(deps.db, { from, to, groupBy, timeZone: deps.timeZone });
    res.json({ from: from.toISOString(), to: to.toISOString(), groupBy, items });
  });
}
