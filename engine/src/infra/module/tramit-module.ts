import type { Config } from '../config/config.js';
import type { Db } from '../db/create-knex.js';
import type { Logger } from '../logging/logger.js';

/**
 * What each module offers the others, by module name. Empty here: every module adds its own entry
 * next to its definition, so `ctx.get('entities')` is typed by the entities module itself:
 *
 * ```ts
 * declare module '../../infra/module/tramit-module.js' {
 *   interface Services { entities: EntityStore }
 * }
 * ```
 * A module that offers nothing (routes only) declares `void`. Services the server shell provides
 * itself (not built by a module) are declared the same way, by the module that uses them.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by declaration merging
export interface Services {}

export type ServiceName = keyof Services & string;

/** What a module's hooks are given: the shared plumbing, and the services of the modules it declared. */
export interface ModuleContext {
  readonly config: Config;
  readonly db: Db;
  readonly logger: Logger;
  /**
   * The service of a module named in this module's `dependsOn` (already initialised), or, after its
   * `init`, this module's own. Asking for a module not declared there throws, so `dependsOn` stays
   * an honest list.
   */
  get<K extends ServiceName>(name: K): Services[K];
}

/**
 * One feature of the server, declaring what it needs and what it adds (as a diagram-js feature's
 * `index.js` does). The server sorts the modules by `dependsOn`, then: `init` each in order, mounts
 * each one's `routes` in order, `start`s each in order; at shutdown `stop`s them in reverse order.
 *
 * A module is made fresh for each server (its folder's `index.ts` exports a function returning it),
 * so what `start` starts can be kept in that function's closure for `stop`.
 *
 * `R` is the router type; infra does not know HTTP, the server fixes it (see `http/http-module.ts`).
 */
export interface TramitModule<K extends ServiceName = ServiceName, R = unknown> {
  readonly name: K;
  /** Modules whose services this one uses (through `ctx.get`), or that must be ready before it. */
  readonly dependsOn?: readonly ServiceName[];
  /** Builds the service (loading what it ships); no timers, listeners or workers yet. */
  init(ctx: ModuleContext): Promise<Services[K]> | Services[K];
  /** Mounts the module's HTTP routes, after every module's `init`. */
  routes?(router: R, ctx: ModuleContext): void;
  /** Listeners, workers, loops: after every module's `init` and `routes`. */
  start?(ctx: ModuleContext): Promise<void> | void;
  /**
   * Stops what `start` started, in reverse module order. Also called when the server fails to start
   * after this module's `init` succeeded, so it must cope with `start` not having run.
   */
  stop?(ctx: ModuleContext): Promise<void> | void;
}
