import type { SecureRouter } from '../../http/secure-router.js';
import type { ElementTemplate } from './check-element-template.js';

/** `GET /api/v1/element-templates`: Camunda element templates (an array) for the process designer. */
export function elementTemplateRoutes(r: SecureRouter, templates: () => Promise<ElementTemplate[]>): void {
  r.get('/api/v1/element-templates', 'designer.view', async (_req, res) => {
    res.set('Cache-Control', 'no-cache').json(await templates());
  });
}
