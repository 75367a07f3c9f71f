import { findInRepository } from '../../infra/config/find-up.js';
import type { Logger } from '../../infra/logging/logger.js';
import type { ElementTemplate } from './check-element-template.js';
import { loadElementTemplates } from './load-element-templates.js';

/** Reads the templates once (on first use), logging any file left out. */
export function elementTemplateSource(
  logger: Logger,
  connectorsDir = findInRepository('connectors'),
): () => Promise<ElementTemplate[]> {
  let loaded: Promise<ElementTemplate[]> | undefined;
  return () => {
    loaded ??= loadElementTemplates(connectorsDir).then(({ templates, problems }) => {
      for (const problem of problems) logger.warn(problem, 'element template left out');
      return templates;
    });
    return loaded;
  };
}
