import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BrowserSession, createTestUser } from '../../../test/http-client.js';
import { startTestServer, type TestServer } from '../../../test/test-server.js';
import { calendarOf } from '../../../test/calendar-fixtures.js';

let server: TestServer;
let admin: BrowserSession;

beforeAll(async () => {
  server = await startTestServer({ LOG_LEVEL: 'warn' });
  const user = await createTestUser(server.tramit.db, 'admin');
  admin = new BrowserSession(server.url);
  await admin.login(user.username, user.password);
});
afterAll(() => server.close());

const post = (path: string, json: unknown) => admin.send(path, { method: 'POST', json });

describe('shipped calendars', () => {
  it('are published at start', async () => {
    const { body } = await admin.send<{ items: { id: string; version: number }[] }>('/api/v1/calendars');
    expect(body.items.map((i) => `${i.id}@${i.version}`)).toEqual(['field-24x7@1', 'utility-office@1']);
  });

  it('add business time over a regional holiday and a weekend', async () => {
    const response = await post('/api/v1/calendars/utility-office/add', {
      from: '2026-09-10T15:00:00Z',
      duration: 'PT2H',
    });
    expect(response).toMatchObject({ status: 200, body: { due: '2026-09-14T07:00:00.000Z' } });
  });

  it('measure business time between two instants', async () => {
    const response = await post('/api/v1/calendars/utility-office/between', {
      from: '2026-09-10T15:00:00+02:00',
      to: '2026-09-14T10:00:00+02:00',
    });
    expect(response).toMatchObject({ status: 200, body: { duration: 'PT4H30M', seconds: 16_200 } });
  });

  it('list days for the month view, with local holidays', async () => {
    const { status, body } = await admin.send<{ days: { date: string; holiday?: string }[] }>(
      '/api/v1/calendars/utility-office/days?from=2026-09-01&to=2026-09-30',
    );
    expect(status).toBe(200);
    expect(body.days).toHaveLength(30);
    expect(body.days.filter((d) => d.holiday).map((d) => `${d.date} ${d.holiday}`)).toEqual([
      '2026-09-11 Diada de Catalunya',
      '2026-09-24 La Mercè',
    ]);
  });

  it('preview the days of an unsaved calendar', async () => {
    const calendar = calendarOf([{ from: '09:00', to: '13:00' }], { id: 'draft-one' });
    const response = await post('/api/v1/calendars/draft-one/days/preview', {
      calendar,
      from: '2026-03-06',
      to: '2026-03-07',
    });
    expect(response.body).toEqual({
      days: [
        { date: '2026-03-06', working: true, intervals: [{ from: '09:00', to: '13:00' }] },
        { date: '2026-03-07', working: false, intervals: [] },
      ],
    });
  });
});

describe('bad calendar input changes nothing', () => {
  it.each([
    [
      '/api/v1/calendars/utility-office/add',
      { from: '2026-09-10T15:00:00Z', duration: '-PT1H' },
      400,
      '/duration',
    ],
    [
      '/api/v1/calendars/utility-office/add',
      { from: '2026-09-10T15:00:00Z', duration: 'P1M' },
      400,
      '/duration',
    ],
    [
      '/api/v1/calendars/utility-office/add',
      { from: '2026-09-10T15:00:00Z', duration: 'soon' },
      400,
      '/duration',
    ],
    ['/api/v1/calendars/utility-office/add', { from: 'yesterday', duration: 'PT1H' }, 400, '/from'],
    ['/api/v1/calendars/utility-office/between', { from: '2026-09-10T15:00:00Z' }, 400, '/to'],
    [
      '/api/v1/calendars/draft-one/days/preview',
      {
        calendar: calendarOf([{ from: '09:00', to: '13:00' }], { timeZone: 'Mars/Olympus' }),
        from: '2026-03-06',
        to: '2026-03-07',
      },
      422,
      '/calendar/timeZone',
    ],
  ])('%s %j → %i naming %s', async (path, json, status, errorPath) => {
    const response = await post(path, json);
    expect(response.status).toBe(status);
    expect((response.body.errors as { path: string }[]).map((e) => e.path)).toContain(errorPath);
  });

  it('an unknown calendar is 404', async () => {
    expect(
      (await post('/api/v1/calendars/nowhere/add', { from: '2026-09-10T15:00:00Z', duration: 'PT1H' }))
        .status,
    ).toBe(404);
  });

  it.each([
    [
      'overlapping intervals',
      calendarOf([
        { from: '08:00', to: '15:00' },
        { from: '14:00', to: '16:00' },
      ]),
      '/week/mon/1',
    ],
    [
      'an unknown time zone',
      calendarOf([{ from: '08:00', to: '15:00' }], { timeZone: 'Europe/Atlantis' }),
      '/timeZone',
    ],
  ])('a draft with %s is refused and not saved', async (_name, content, path) => {
    const response = await admin.send('/api/v1/calendars/test/draft', { method: 'PUT', json: content });
    expect(response.status).toBe(422);
    expect((response.body.errors as { path: string }[]).map((e) => e.path)).toContain(path);
    expect((await admin.send('/api/v1/calendars/test')).status).toBe(404);
    expect((await post('/api/v1/calendars/test/publish', {})).status).toBe(404);
  });

  it('an SLA policy with an unknown operator or fact is refused and not saved', async () => {
    const policy = {
      id: 'bad',
      title: { ca: 'x', es: 'x', en: 'x' },
      order: 1,
      appliesTo: 'case',
      conditions: { all: [{ fact: 'case', path: '$.type', operator: 'looksLike', value: 'complaint' }] },
      calendar: 'utility-office',
      metrics: { resolution: { normal: 'PT-4H' } },
    };
    const response = await admin.send('/api/v1/sla-policies/bad/draft', { method: 'PUT', json: policy });
    expect(response.status).toBe(422);
    expect((response.body.errors as { path: string }[]).map((e) => e.path)).toEqual([
      '/conditions/all/0/operator',
      '/conditions/all/0/fact',
      '/metrics/resolution/normal',
    ]);
    expect((await admin.send('/api/v1/sla-policies/bad')).status).toBe(404);
  });
});
