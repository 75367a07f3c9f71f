import { readFileSync } from 'node:fs';
import { loadConfig } from '/work/main/engine/src/infra/config/config.js';
import { createLogger } from '/work/main/engine/src/infra/logging/logger.js';
import { createTramit } from '/work/main/engine/src/server/tramit.js';
import { generateSigningKeyJson } from '/work/main/engine/src/platform/auth/signing-keys.js';
import pg from 'pg';
const name = 'tramit_probe_' + Date.now();
const c = new pg.Client('postgres://postgres@127.0.0.1:5432/postgres'); await c.connect();
await c.query(`create database ${name}`); await c.end();
const config = loadConfig({ NODE_ENV: 'test', HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'info', TRAMIT_SESSION_SECRET: 'x'.repeat(40), TRAMIT_JWT_KEYS: await generateSigningKeyJson(), DATABASE_URL: `postgres://postgres@127.0.0.1:5432/${name}`, DATABASE_POOL_MAX: process.env.POOL ?? '1' });
const t = await createTramit(config, createLogger('info'));
const time = async (label: string, f: () => Promise<unknown>) => { const t0 = performance.now(); const r = await f(); console.log(label, Math.round(performance.now() - t0), 'ms'); return r as any; };
await time('require case', () => t.entities.types.require('case'));
await time('require interaction', () => t.entities.types.require('interaction'));
const person = await time('person', () => t.entities.create('person', { kind: 'natural', punctual: true, freeName: 'Laia' }));
const kase = await time('case', () => t.entities.create('case', { type: 'technical_incident', status: 'open', priority: 'high', channel: 'phone', subject: 'x', personId: person.id }));
await time('case2', () => t.entities.create('case', { type: 'technical_incident', status: 'open', priority: 'high', channel: 'phone', subject: 'x', personId: person.id }));
await time('deploy', () => t.engine.deploy([{ name: 'c.bpmn', content: readFileSync('/work/main/definitions/bpmn/case-lifecycle.bpmn', 'utf8') }]));
const inst = await time('start', () => t.engine.createInstance({ bpmnProcessId: 'case-lifecycle', variables: { caseId: kase.id } }));
for (let i = 0; i < 30; i++) {
  await new Promise((r) => setTimeout(r, 500));
  const els = await t.db('element_instances').where({ process_instance_key: inst.processInstanceKey }).select('element_id', 'state');
  const inc = await t.db('incidents').where({ process_instance_key: inst.processInstanceKey }).select('error_message');
  console.log(i, JSON.stringify(els.map((e: any) => e.element_id + ':' + e.state)), JSON.stringify(inc));
  if (els.some((e: any) => e.element_id === 'work')) break;
}
await t.close();
