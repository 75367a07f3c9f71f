import type { Config } from '../infra/config/config.js';
import type { Db } from '../infra/db/create-knex.js';
import type { Logger } from '../infra/logging/logger.js';
import type { ModuleContext, ServiceName, Services, TramitModule } from '../infra/module/tramit-module.js';

/** Any service by name, unchecked: for the shell, which is not a module. */
export interface ServiceLookup {
  get<K extends ServiceName>(name: K): Services[K];
}

export interface AssembleOptions<R> {
  config: Config;
  db: Db;
  logger: Logger;
  /** Services the shell made itself, available to modules that name them in `dependsOn`. */
  provided?: Partial<Services>;
  /** Makes the router the modules mount their routes on, once every module is initialised. */
  router: (services: ServiceLookup) => R;
}

export interface Assembly<R> extends ServiceLookup {
  /** Module names in the order they were initialised and started. */
  order: string[];
  router: R;
  /** Stops every module in reverse order; a failing stop does not keep the others from stopping. */
  stop(): Promise<void>;
}

export class AssemblyError extends Error {}

/**
 * Modules in dependency order: each after everything in its `dependsOn`, otherwise in list order
 * (so the list decides what the dependencies leave open, e.g. which of two independent workers
 * stops first).
 */
export function sortModules<R>(
  modules: readonly TramitModule<ServiceName, R>[],
  provided: readonly string[] = [],
): TramitModule<ServiceName, R>[] {
  const byName = new Map<string, TramitModule<ServiceName, R>>();
  for (const module of modules) {
    if (byName.has(module.name) || provided.includes(module.name)) {
      throw new AssemblyError(`Two modules are named '${module.name}'.`);
    }
    byName.set(module.name, module);
  }
  for (const module of modules) {
    for (const dependency of module.dependsOn ?? []) {
      if (!byName.has(dependency) && !provided.includes(dependency)) {
        throw new AssemblyError(
          `Module '${module.name}' depends on '${dependency}', which is not in the module list.`,
        );
      }
    }
  }
  const sorted: TramitModule<ServiceName, R>[] = [];
  const done = new Set<string>(provided);
  const pending = [...modules];
  while (pending.length > 0) {
    const index = pending.findIndex((m) => (m.dependsOn ?? []).every((d) => done.has(d)));
    if (index < 0) throw new AssemblyError(`Module dependency cycle: ${findCycle(pending).join(' → ')}.`);
    const [next] = pending.splice(index, 1) as [TramitModule<ServiceName, R>];
    sorted.push(next);
    done.add(next.name);
  }
  return sorted;
}

/** A cycle among modules none of which could be sorted: follow unsorted dependencies until one repeats. */
function findCycle(pending: readonly TramitModule<ServiceName, unknown>[]): string[] {
  const byName = new Map(pending.map((m) => [m.name as string, m]));
  const path: string[] = [];
  let current = pending[0]!;
  while (!path.includes(current.name)) {
    path.push(current.name);
    const next = (current.dependsOn ?? []).find((d) => byName.has(d))!;
    current = byName.get(next)!;
  }
  return [...path.slice(path.indexOf(current.name)), current.name];
}

function contextFor(
  module: TramitModule<ServiceName, unknown>,
  options: AssembleOptions<unknown>,
  services: Map<string, unknown>,
): ModuleContext {
  const declared = new Set<string>([...(module.dependsOn ?? []), module.name]);
  return {
    config: options.config,
    db: options.db,
    logger: options.logger,
    get<K extends ServiceName>(name: K): Services[K] {
      if (!declared.has(name)) {
        throw new AssemblyError(`Module '${module.name}' used '${name}' without naming it in its dependsOn.`);
      }
      if (!services.has(name)) throw new AssemblyError(`Module '${module.name}' is not initialised yet.`);
      return services.get(name) as Services[K];
    },
  };
}

async function stopAll(
  up: readonly { module: TramitModule<ServiceName, unknown>; ctx: ModuleContext }[],
): Promise<void> {
  const errors: Error[] = [];
  for (const { module, ctx } of [...up].reverse()) {
    try {
      await module.stop?.(ctx);
    } catch (error) {
      errors.push(new AssemblyError(`Module '${module.name}' failed to stop.`, { cause: error }));
    }
  }
  if (errors.length === 1) throw errors[0];
  if (errors.length > 1) throw new AggregateError(errors, 'Several modules failed to stop.');
}

/**
 * Sorts the modules, initialises them in order, mounts their routes in order and starts them in
 * order. If anything fails, every module whose `init` had succeeded is stopped (reverse order)
 * before the error is rethrown.
 */
export async function assemble<R>(
  modules: readonly TramitModule<ServiceName, R>[],
  options: AssembleOptions<R>,
): Promise<Assembly<R>> {
  const provided = Object.entries(options.provided ?? {});
  const sorted = sortModules(
    modules,
    provided.map(([name]) => name),
  );
  const services = new Map<string, unknown>(provided);
  const lookup: ServiceLookup = {
    get<K extends ServiceName>(name: K): Services[K] {
      if (!services.has(name)) throw new AssemblyError(`No module named '${name}' was assembled.`);
      return services.get(name) as Services[K];
    },
  };
  const up: { module: TramitModule<ServiceName, R>; ctx: ModuleContext }[] = [];
  let router: R;
  try {
    for (const module of sorted) {
      const ctx = contextFor(module, options as AssembleOptions<unknown>, services);
      services.set(module.name, await module.init(ctx));
      up.push({ module, ctx });
    }
    router = options.router(lookup);
    for (const { module, ctx } of up) module.routes?.(router, ctx);
    for (const { module, ctx } of up) await module.start?.(ctx);
  } catch (error) {
    await stopAll(up).catch((stopError: unknown) =>
      options.logger.error({ err: stopError }, 'could not stop the modules after a failed start'),
    );
    throw error;
  }
  let stopping: Promise<void> | undefined;
  return {
    order: sorted.map((m) => m.name),
    router,
    get: lookup.get,
    stop: () => (stopping ??= stopAll(up)),
  };
}
