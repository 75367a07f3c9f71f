import { chromium } from 'playwright-core';
import { benchDatabase } from '../../engine/bench/bench-db.js';
import { generateSigningKeyJson } from '../../engine/src/platform/auth/signing-keys.js';
import { loadConfig } from '../../engine/src/infra/config/config.js';
import { createLogger } from '../../engine/src/infra/logging/logger.js';
import { createTramit } from '../../engine/src/server/tramit.js';
import { BrowserSession, createTestUser } from '../../engine/test/http-client.js';
import { largeProcessXml } from './large-process.js';

/**
 * `npm run bench:designer`: how fast the browser app opens on localhost (needs `npm run build -w
 * designer` and the local PostgreSQL). BENCH_RUNS (default 5) and BENCH_ELEMENTS (default 300).
 */
const runs = Number(process.env.BENCH_RUNS ?? 5);
const elements = Number(process.env.BENCH_ELEMENTS ?? 300);

const database = await benchDatabase(10);
const config = loadConfig({
  NODE_ENV: 'test',
  HOST: '127.0.0.1',
  PORT: '0',
  LOG_LEVEL: 'warn',
  DATABASE_URL: database.url,
  TRAMIT_SESSION_SECRET: 'bench-session-secret-0123456789abcdefghij',
  TRAMIT_JWT_KEYS: await generateSigningKeyJson(),
});
const tramit = await createTramit(config, createLogger('warn'));
const url = await tramit.listen();
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
});

try {
  const { username, password } = await createTestUser(tramit.db, 'admin');
  const api = new BrowserSession(url);
  await api.login(username, password);
  const processId = `bench-${elements}`;
  const saved = await api.send(`/api/v1/process-drafts/${processId}`, {
    method: 'PUT',
    json: { xml: largeProcessXml(processId, elements) },
  });
  if (saved.status !== 200)
    throw new Error(`could not save the benchmark draft: ${JSON.stringify(saved.body)}`);

  const login: number[] = [];
  const shell: number[] = [];
  const modeler: number[] = [];
  const direct: number[] = [];
  for (let run = 0; run < runs; run++) {
    // A new context each run: nothing cached, as on a first visit.
    const context = await browser.newContext({ viewport: { width: 1366, height: 800 }, locale: 'ca-ES' });
    const page = await context.newPage();
    let started = performance.now();
    await page.goto(`${url}/login`);
    await page.waitForSelector('[data-testid="login-submit"]');
    login.push(performance.now() - started);
    await page.fill('#username', username);
    await page.fill('#password', password);
    await page.click('[data-testid="login-submit"]');
    await page.waitForSelector('[data-testid="area-title"]');

    started = performance.now();
    await page.goto(`${url}/monitoring`);
    await page.waitForSelector('[data-testid="area-title"]');
    shell.push(performance.now() - started);

    const last = `.djs-element[data-element-id="Node_${Math.floor((elements + 1) / 2) - 1}"]`;
    started = performance.now();
    await page.goto(`${url}/designer/processes/${processId}`);
    await page.waitForSelector(last);
    await page.waitForSelector('[data-testid="properties-panel"] .bio-properties-panel');
    direct.push(performance.now() - started);

    // As a designer opens it: from the process list, where the editor's code is already fetched.
    await page.goto(`${url}/designer`);
    await page.waitForSelector(`[data-testid="process-row-${processId}"] a`);
    await page.waitForTimeout(500);
    started = performance.now();
    await page.click(`[data-testid="process-row-${processId}"] a`);
    await page.waitForSelector(last);
    await page.waitForSelector('[data-testid="properties-panel"] .bio-properties-panel');
    modeler.push(performance.now() - started);
    await context.close();
  }

  const row = (what: string, target: number, samples: number[]) => {
    const sorted = [...samples].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)]!;
    return {
      what,
      runs: samples.length,
      'median ms': Math.round(median),
      'max ms': Math.round(sorted.at(-1)!),
      'target ms': target,
      ok: median < target,
    };
  };
  console.table([
    row('shell: /login until the form shows (cold cache)', 2000, login),
    row('shell: signed in, reload until an area shows', 2000, shell),
    row(`modeler: open a ${elements}-element process from the list`, 1500, modeler),
    row(`modeler: load its URL directly (app + editor code cold)`, 1500, direct),
  ]);
} finally {
  await browser.close();
  await tramit.close();
  await database.drop();
}
