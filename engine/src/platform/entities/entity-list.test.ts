import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserSession } from '../../../test/http-client.js';
import { startTestServer, type TestServer } from '../../../test/test-server.js';
import { citizenType, countRows, publishType, signedIn } from '../../../test/entity-test-support.js';

let server: TestServer;
let agent: BrowserSession;

const people = [
  {
    givenName: 'Núria',
    surname1: 'García',
    surname2: 'Puig',
    age: 34,
    status: 'active',
    dni: '12345678Z',
    phones: ['612345678'],
    documents: [{ type: 'dni', number: '12345678Z' }],
  },
  {
    givenName: 'Jordi',
    surname1: 'Garcia',
    surname2: 'Soler',
    age: 51,
    status: 'inactive',
    phones: ['+34 699 111 222'],
  },
  { givenName: 'Marta', surname1: 'Ferrer', surname2: 'Garcés', age: 28, status: 'active' },
  {
    givenName: 'Pere',
    surname1: "O'Neill",
    age: 70,
    status: 'active',
    documents: [{ type: 'nie', number: 'X1234567L' }],
  },
  { givenName: 'Anna', surname1: 'Martínez', surname2: 'López', status: 'inactive' },
];

type Page = { items: { id: string; data: Record<string, unknown> }[]; nextCursor: string | null };
const names = (page: Page) => page.items.map((r) => r.data.givenName);
const list = (query: string) => agent.send<Page>(`/api/v1/entities/citizen?${query}`);

beforeAll(async () => {
  server = await startTestServer();
  const admin = await signedIn(server, 'admin');
  agent = await signedIn(server, 'agent');
  await publishType(admin, 'citizen', citizenType());
  await server.tramit.entities.bulkCreate('citizen', people);
});
afterAll(() => server.close());

describe('listing records', () => {
  it.each([
    ['filter[status]=active&sort=givenName', ['Marta', 'Núria', 'Pere']],
    ['filter[status][ne]=active&sort=givenName', ['Anna', 'Jordi']],
    ['filter[age][gte]=34&filter[age][lt]=70&sort=-age', ['Jordi', 'Núria']],
    ['filter[age][in]=28,70&sort=age', ['Marta', 'Pere']],
    ['filter[givenName][prefix]=Ma&sort=givenName', ['Marta']],
    ['filter[surname1][contains]=garc&sort=givenName', ['Jordi', 'Núria']],
    ['filter[fullName][contains]=garc&sort=givenName', ['Jordi', 'Marta', 'Núria']],
    ['filter[surname2][exists]=false&sort=givenName', ['Pere']],
    ['filter[dni]=12345678z', ['Núria']],
    ['filter[phones]=699111222', ['Jordi']],
    ['filter[phones][in]=612345678,699111222&sort=givenName', ['Jordi', 'Núria']],
    ['filter[documents.number]=X1234567L', ['Pere']],
    ['filter[surname1]=' + encodeURIComponent("O'Neill"), ['Pere']],
    ['filter[surname1]=' + encodeURIComponent("x' or '1'='1"), []],
    ['filter[givenName][contains]=' + encodeURIComponent('%'), []],
    ['filter[age][gt]=100', []],
  ])('%s', async (query, expected) => {
    const response = await list(query);
    expect(response.status).toBe(200);
    expect(names(response.body)).toEqual(expected);
  });

  it('ranks a fuzzy search by similarity, ignoring accents and case', async () => {
    const response = await list('filter[fullName][fuzzy]=GARCÍA&limit=10');
    expect(response.status).toBe(200);
    expect(names(response.body).slice(0, 2).sort()).toEqual(['Jordi', 'Núria']);
    expect(names(response.body)[2]).toBe('Marta');
    expect(names(response.body)).not.toContain('Anna');
    const typo = await list('filter[fullName][fuzzy]=garsia&limit=10');
    expect(names(typo.body)[0]).toBe('Núria');
    expect(response.body.nextCursor).toBeNull();
    expect(names((await list('filter[surname1][fuzzy]=MARTINEZ')).body)).toEqual(['Anna']);
  });

  it('finds a full name with a typo, alongside other filters and quotes in the value', async () => {
    const full = await list(`filter[fullName][fuzzy]=${encodeURIComponent('jordi garsia soler')}`);
    expect(names(full.body)[0]).toBe('Jordi');
    const quoted = await list(
      `filter[fullName][fuzzy]=${encodeURIComponent("pere o'neil")}&filter[status]=active`,
    );
    expect(quoted.status).toBe(200);
    expect(names(quoted.body)).toEqual(['Pere']);
    const inactive = await list(
      `filter[fullName][fuzzy]=${encodeURIComponent('pere oneill')}&filter[status]=inactive`,
    );
    expect(names(inactive.body)).toEqual([]);
  });

  it('pages with a cursor through every record exactly once, in order', async () => {
    const seen: string[] = [];
    let query = 'sort=-age&limit=2';
    for (let page = 0; page < 5; page++) {
      const response = await list(query);
      expect(response.status).toBe(200);
      seen.push(...(names(response.body) as string[]));
      if (!response.body.nextCursor) break;
      query = `sort=-age&limit=2&cursor=${response.body.nextCursor}`;
    }
    expect(seen).toEqual(['Anna', 'Pere', 'Jordi', 'Núria', 'Marta']);
    const mixed = await list('sort=status,-givenName&limit=3');
    const rest = await list(`sort=status,-givenName&limit=3&cursor=${mixed.body.nextCursor}`);
    expect([...names(mixed.body), ...names(rest.body)]).toEqual(['Pere', 'Núria', 'Marta', 'Jordi', 'Anna']);
  });

  it('returns only the selected fields', async () => {
    const response = await list('fields=givenName,age&filter[givenName]=Pere');
    expect(response.body.items[0]!.data).toEqual({ givenName: 'Pere', age: 70 });
  });

  it.each([
    ['filter[shoeSize]=44', 400, 'filter[shoeSize]'],
    ["filter[a';drop table records;--]=1", 400, "filter[a';drop table records;--]"],
    ['filter[age]=' + encodeURIComponent('1; delete from records'), 400, 'filter[age]'],
    ['filter[age][like]=1', 400, 'filter[age][like]'],
    ['filter[givenName][fuzzy]=x', 400, 'filter[givenName][fuzzy]'],
    ['filter[id]=not-a-uuid', 400, 'filter[id]'],
    ['filter[createdAt][gt]=yesterday', 400, 'filter[createdAt][gt]'],
    ['filter[status]=a&filter[status]=b', 400, 'filter[status]'],
    ['sort=phones', 400, 'sort'],
    ['sort=' + encodeURIComponent('age; drop table records'), 400, 'sort'],
    ['limit=201', 400, 'limit'],
    ['limit=0', 400, 'limit'],
    ['cursor=bm9wZQ', 400, 'cursor'],
    ['filter[fullName][fuzzy]=garcia&cursor=bm9wZQ', 400, 'cursor'],
    ['fields=shoeSize', 400, 'fields'],
    ['filter[vulnerable]=true', 403, 'filter[vulnerable]'],
    ['sort=vulnerable', 403, 'sort'],
    ['foo=bar', 400, 'foo'],
  ])('refuses %s with %i naming the parameter', async (query, status, path) => {
    const before = await countRows(server, 'records');
    const response = await list(query);
    expect(response.status).toBe(status);
    expect((response.body as unknown as { errors: { path: string }[] }).errors.map((e) => e.path)).toContain(
      path,
    );
    expect(await countRows(server, 'records')).toBe(before);
  });
});
