import type { HttpModule } from '../../http/http-module.js';
import { elementTemplateRoutes } from './element-template-routes.js';
import { elementTemplateSource } from './element-template-source.js';

declare module '../../infra/module/tramit-module.js' {
  interface Services {
    'element-templates': void;
  }
}

/** The designer's element templates: built-in ones and those the connectors ship. */
export function elementTemplatesModule(): HttpModule<'element-templates'> {
  return {
    name: 'element-templates',
    init() {},
    routes(router, { logger }) {
      elementTemplateRoutes(router, elementTemplateSource(logger));
    },
  };
}
