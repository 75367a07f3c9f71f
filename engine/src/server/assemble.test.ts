import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { Config } from '../infra/config/config.js';
import type { Db } from '../infra/db/create-knex.js';
import { createLogger } from '../infra/logging/logger.js';
import type { ModuleContext, ServiceName, TramitModule } from '../infra/module/tramit-module.js';
import { assemble, AssemblyError, sortModules } from './assemble.js';

/** The modules here are made up; their names are not in `Services`, hence the casts. */
type Hooks = Partial<Pick<TramitModule<ServiceName, string[]>, 'routes' | 'start' | 'stop'>> & {
  init?: (ctx: ModuleContext) => unknown;
};

function module(
  name: string,
  dependsOn: string[] = [],
  hooks: Hooks = {},
): TramitModule<ServiceName, string[]> {
  return {
    name: name as ServiceName,
    dependsOn: dependsOn as ServiceName[],
    init: (ctx) => (hooks.init ? hooks.init(ctx) : `${name} service`) as never,
    ...(hooks.routes ? { routes: hooks.routes } : {}),
    ...(hooks.start ? { start: hooks.start } : {}),
    ...(hooks.stop ? { stop: hooks.stop } : {}),
  };
}

const logs: string[] = [];
const options = {
  config: {} as Config,
  db: {} as Db,
  logger: createLogger(
    'info',
    new Writable({
      write(chunk: Buffer, _encoding, done) {
        logs.push(chunk.toString('utf8'));
        done();
      },
    }),
  ),
  router: (): string[] => [],
};

/** Modules that record each hook they run in `events`. */
function recorded(events: string[], name: string, dependsOn: string[] = [], failIn?: 'init' | 'start') {
  return module(name, dependsOn, {
    init: () => {
      events.push(`init ${name}`);
      if (failIn === 'init') throw new Error(`${name} cannot init`);
      return `${name} service`;
    },
    routes: (router) => {
      router.push(name);
      events.push(`routes ${name}`);
    },
    start: () => {
      events.push(`start ${name}`);
      if (failIn === 'start') throw new Error(`${name} cannot start`);
    },
    stop: async () => {
      await Promise.resolve();
      events.push(`stop ${name}`);
    },
  });
}

const get = (ctx: ModuleContext, name: string): unknown => ctx.get(name as ServiceName);

describe('assembling modules', () => {
  it('sorts by dependsOn, keeping list order where dependencies leave it open', () => {
    const sorted = sortModules([
      module('rules', ['definitions', 'engine']),
      module('audit'),
      module('engine'),
      module('definitions'),
      module('alerts', ['rules']),
      module('reports'),
    ]);
    expect(sorted.map((m) => m.name)).toEqual([
      'audit',
      'engine',
      'definitions',
      'rules',
      'alerts',
      'reports',
    ]);
  });

  it('initialises, mounts routes and starts in order; stops in reverse order', async () => {
    const events: string[] = [];
    const system = await assemble(
      [recorded(events, 'b', ['a']), recorded(events, 'a'), recorded(events, 'c', ['b'])],
      options,
    );
    expect(system.order).toEqual(['a', 'b', 'c']);
    expect(system.router).toEqual(['a', 'b', 'c']);
    expect(events).toEqual([
      'init a',
      'init b',
      'init c',
      'routes a',
      'routes b',
      'routes c',
      'start a',
      'start b',
      'start c',
    ]);
    expect(system.get('b' as ServiceName)).toBe('b service');
    events.length = 0;
    await system.stop();
    await system.stop();
    expect(events).toEqual(['stop c', 'stop b', 'stop a']);
  });

  it('gives a module the services it declared, its own after init, and nothing else', async () => {
    const seen: unknown[] = [];
    await assemble(
      [
        module('a'),
        module('b'),
        module('c', ['a'], {
          init: (ctx) => {
            seen.push(get(ctx, 'a'));
            expect(() => get(ctx, 'b')).toThrow("Module 'c' used 'b' without naming it in its dependsOn.");
            expect(() => get(ctx, 'c')).toThrow("Module 'c' is not initialised yet.");
            return 'c service';
          },
          start: (ctx) => {
            seen.push(get(ctx, 'c'));
          },
        }),
      ],
      options,
    );
    expect(seen).toEqual(['a service', 'c service']);
  });

  it('refuses a dependency that is not in the list, naming both', async () => {
    await expect(assemble([module('a'), module('rules', ['calendars'])], options)).rejects.toThrow(
      new AssemblyError("Module 'rules' depends on 'calendars', which is not in the module list."),
    );
  });

  it('refuses a cycle, naming it', async () => {
    const modules = [module('x'), module('a', ['c']), module('b', ['a']), module('c', ['b', 'x'])];
    await expect(assemble(modules, options)).rejects.toThrow('Module dependency cycle: a → c → b → a.');
  });

  it('refuses two modules of one name', () => {
    expect(() => sortModules([module('a'), module('a')])).toThrow("Two modules are named 'a'.");
  });

  it('lets modules depend on services the shell provides', async () => {
    const system = await assemble([module('a', ['shell'], { init: (ctx) => get(ctx, 'shell') })], {
      ...options,
      provided: { shell: 'from the shell' } as never,
    });
    expect(system.get('a' as ServiceName)).toBe('from the shell');
  });

  it('stops every initialised module, in reverse, when a start fails, and rethrows', async () => {
    const events: string[] = [];
    const modules = [
      recorded(events, 'a'),
      recorded(events, 'b', ['a'], 'start'),
      recorded(events, 'c', ['b']),
    ];
    await expect(assemble(modules, options)).rejects.toThrow('b cannot start');
    expect(events).toEqual([
      'init a',
      'init b',
      'init c',
      'routes a',
      'routes b',
      'routes c',
      'start a',
      'start b',
      'stop c',
      'stop b',
      'stop a',
    ]);
  });

  it('stops the modules already initialised when an init fails', async () => {
    const events: string[] = [];
    const modules = [
      recorded(events, 'a'),
      recorded(events, 'b', ['a'], 'init'),
      recorded(events, 'c', ['b']),
    ];
    await expect(assemble(modules, options)).rejects.toThrow('b cannot init');
    expect(events).toEqual(['init a', 'init b', 'stop a']);
  });

  it('keeps stopping the others when one stop fails, then reports it by name', async () => {
    const events: string[] = [];
    const system = await assemble(
      [
        recorded(events, 'a'),
        module('b', ['a'], {
          stop: () => {
            throw new Error('stuck');
          },
        }),
        recorded(events, 'c', ['b']),
      ],
      options,
    );
    events.length = 0;
    const failure = await system.stop().catch((error: unknown) => error as Error);
    expect(failure).toBeInstanceOf(AssemblyError);
    expect(failure).toMatchObject({ message: "Module 'b' failed to stop.", cause: new Error('stuck') });
    expect(events).toEqual(['stop c', 'stop a']);
  });
});
