import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const mainModule = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../src/server/main.ts');

export interface SpawnedTramit {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  /** Resolves with the URL once the server logs that it listens (rejects if it exits first). */
  ready: Promise<string>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; atMs: number }>;
  /** Resolves once standard output matches. */
  waitForOutput(pattern: RegExp): Promise<string>;
}

/** Tramit as an operator runs it: a separate Node process reading its configuration from the environment. */
export function spawnTramit(env: Record<string, string>): SpawnedTramit {
  const child = spawn(process.execPath, ['--import', 'tsx', mainModule], {
    env: { PATH: process.env.PATH ?? '', HOST: '127.0.0.1', PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  const waiters: { pattern: RegExp; resolve: (text: string) => void }[] = [];
  const settleWaiters = () => {
    for (const waiter of [...waiters]) {
      if (waiter.pattern.test(out)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(out);
      }
    }
  };
  child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; atMs: number }>(
    (resolve) => child.on('exit', (code, signal) => resolve({ code, signal, atMs: Date.now() })),
  );
  const ready = new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      settleWaiters();
      const match = /"url":"(http:\/\/[^"]+)".*"msg":"Tramit is listening"/.exec(out);
      if (match) resolve(match[1]!);
    });
    void exited.then(({ code }) => reject(new Error(`exited with ${code} before listening:\n${err}`)));
  });
  ready.catch(() => {});
  const waitForOutput = (pattern: RegExp) =>
    new Promise<string>((resolve) => {
      waiters.push({ pattern, resolve });
      settleWaiters();
    });
  return { child, stdout: () => out, stderr: () => err, ready, exited, waitForOutput };
}
