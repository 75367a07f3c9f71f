import { describe, expect, it } from 'vitest';
import { editorsSuite, type AdminPage } from './editors-session.js';

const suite = editorsSuite();

interface Described {
  published: { version: number; schema: { properties: Record<string, unknown>; required?: string[] } } | null;
  draft: { properties: Record<string, unknown>; required?: string[] } | null;
}
interface PersonRecord {
  id: string;
  data: Record<string, unknown>;
}

async function addField(
  admin: AdminPage,
  name: string,
  label: string,
  options: { required?: boolean; maxLength?: string } = {},
) {
  const { page } = admin;
  await page.click('[data-testid="add-field"]');
  await page.waitForSelector('[data-testid="field-editor"]');
  await page.fill('[data-testid="field-name"]', name);
  for (const language of ['ca', 'es', 'en'])
    await page.fill(`[data-testid="field-label-${language}"]`, `${label} (${language})`);
  if (options.maxLength) await page.fill('[data-testid="field-maxLength"]', options.maxLength);
  if (options.required) await page.getByLabel(/^Obligatori/).check();
  await page.click('[data-testid="field-apply"]');
  await page.waitForSelector(`[data-testid="field-row-${name}"]`);
}

describe('the data-model editor', () => {
  it('adds a field to person, publishes it after a dry run, and the API serves it at once', async () => {
    const { admin } = suite;
    const { page, api } = admin;
    const before = await api.send<PersonRecord>('/api/v1/entities/person', {
      method: 'POST',
      json: { kind: 'natural', givenName: 'Marta', surname1: 'Puig' },
    });
    expect(before.status).toBe(201);
    const versionBefore = (await api.send<Described>('/api/v1/entity-types/person')).body.published!.version;

    await page.click('[data-testid="nav-data-model"]');
    await page.waitForSelector('[data-testid="graph-node-person"]');
    await page.click('[data-testid="entity-types-item-person"]');
    await page.waitForSelector('[data-testid="field-row-kind"]');
    await admin.shot('editors-data-model');

    await addField(admin, 'loyaltyCard', 'Targeta', { maxLength: '20' });
    await admin.shot('editors-data-model-field');
    await page.click('[data-testid="publish"]');
    await page.waitForSelector('[data-testid="publish-compatible"]');
    await admin.shot('editors-data-model-dry-run');
    await page.click('[data-testid="publish-confirm"]');
    await page.waitForSelector('[data-testid="action-result"][data-kind="published"]');

    const described = await api.send<Described>('/api/v1/entity-types/person');
    expect(described.body.published?.version).toBe(versionBefore + 1);
    expect(described.body.published?.schema.properties.loyaltyCard).toMatchObject({
      type: 'string',
      maxLength: 20,
    });

    const openapi = await api.send<{
      components: { schemas: Record<string, { properties?: Record<string, unknown> }> };
    }>('/api/v1/openapi.json');
    expect(openapi.body.components.schemas.person?.properties?.loyaltyCard).toMatchObject({
      type: 'string',
      maxLength: 20,
    });

    const created = await api.send<PersonRecord>('/api/v1/entities/person', {
      method: 'POST',
      json: { kind: 'natural', givenName: 'Jordi', surname1: 'Vila', loyaltyCard: 'TC-0042' },
    });
    expect(created.status).toBe(201);
    const fetched = await api.send<PersonRecord>(`/api/v1/entities/person/${created.body.id}`);
    expect(fetched.body.data.loyaltyCard).toBe('TC-0042');
    const tooLong = await api.send('/api/v1/entities/person', {
      method: 'POST',
      json: { kind: 'natural', givenName: 'Anna', surname1: 'Roca', loyaltyCard: 'x'.repeat(21) },
    });
    expect(tooLong.status).toBe(422);
  });

  it('shows how many records a new required field would break and publishes nothing without force', async () => {
    const { admin } = suite;
    const { page, api } = admin;
    const count = 2;
    const versionBefore = (await api.send<Described>('/api/v1/entity-types/person')).body.published!.version;
    await addField(admin, 'membershipLevel', 'Nivell', { required: true });
    await page.click('[data-testid="publish"]');
    await page.waitForSelector('[data-testid="publish-incompatible"]');
    expect(await page.textContent('[data-testid="publish-incompatible"]')).toContain(String(count));
    expect(await page.isDisabled('[data-testid="publish-confirm"]')).toBe(true);
    await page.check('[data-testid="publish-force"]');
    expect(await page.isDisabled('[data-testid="publish-confirm"]')).toBe(false);
    await admin.shot('editors-data-model-incompatible');
    await page.getByRole('button', { name: 'Cancel·la' }).click();

    const described = await api.send<Described>('/api/v1/entity-types/person');
    expect(described.body.published?.version).toBe(versionBefore);
    expect(described.body.published?.schema.properties.membershipLevel).toBeUndefined();
    expect(described.body.draft?.required).toContain('membershipLevel');
  });

  it('places the server’s 422 on the field it names and keeps the stored draft', async () => {
    const { admin } = suite;
    const { page, api } = admin;
    const draftBefore = (await api.send<Described>('/api/v1/entity-types/person')).body.draft;
    await page.click('[data-testid="add-field"]');
    await page.fill('[data-testid="field-name"]', 'vipFlag');
    for (const language of ['ca', 'es', 'en'])
      await page.fill(`[data-testid="field-label-${language}"]`, 'VIP');
    await page.click('[data-testid="field-type"]');
    await page.click('li[role="option"][data-value="boolean"]');
    await page.click('[data-testid="field-index"]');
    await page.click('li[role="option"][data-value="trigram"]');
    await page.click('[data-testid="field-apply"]');
    await page.click('[data-testid="save-draft"]');
    await page.waitForSelector('[data-testid="problem-list"]');
    expect(await page.textContent('[data-testid="field-row-vipFlag"]')).toContain('x-index');
    await page.click('[data-testid="field-edit-vipFlag"]');
    expect(await page.textContent('[data-testid="field-editor"]')).toContain('trigram');
    await admin.shot('editors-data-model-problem');
    await page.keyboard.press('Escape');

    const draftAfter = (await api.send<Described>('/api/v1/entity-types/person')).body.draft;
    expect(draftAfter).toEqual(draftBefore);
    expect(draftAfter?.properties.vipFlag).toBeUndefined();
  });
});
