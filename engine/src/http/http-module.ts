import type { ServiceName, TramitModule } from '../infra/module/tramit-module.js';
import type { SecureRouter } from './secure-router.js';

/** A server module whose routes go on the secure router (every route declares its permission). */
export type HttpModule<K extends ServiceName> = TramitModule<K, SecureRouter>;
