import { describe, expect, it } from 'vitest';
import { editorsSuite } from './editors-session.js';

const suite = editorsSuite();

interface Published<T> {
  published: { version: number; content: T } | null;
  draft: T | null;
}

describe('the SLA, calendar and rule editors', () => {
  it('changes an SLA target with the friendly duration input and publishes the policy', async () => {
    const { admin } = suite;
    const { page, api } = admin;
    await page.click('[data-testid="nav-sla"]');
    await page.click('[data-testid="sla-policies-item-complaints"]');
    const urgent = page.locator('[data-testid="target-first_response-urgent"]');
    await urgent.waitFor();
    expect(await urgent.inputValue()).toBe('2');
    await urgent.fill('3');
    await page.waitForSelector('[data-testid="status-unsaved"]');
    await admin.shot('editors-sla-policy');

    await page.click('[data-testid="nav-rules"]');
    await page.click('[data-testid="unsaved-stay"]');
    expect(new URL(page.url()).pathname).toBe('/sla/policies/complaints');
    expect(await urgent.inputValue()).toBe('3');

    await page.click('[data-testid="publish"]');
    await page.waitForSelector('[data-testid="action-result"][data-kind="published"]');
    const policy = await api.send<Published<{ metrics: Record<string, Record<string, string>> }>>(
      '/api/v1/sla-policies/complaints',
    );
    expect(policy.body.published?.version).toBe(2);
    expect(policy.body.published?.content.metrics.first_response).toMatchObject({
      urgent: 'PT3H',
      high: 'PT4H',
    });
  });

  it('refuses an invalid target with the server’s message next to the field, and changes nothing', async () => {
    const { admin } = suite;
    const { page, api } = admin;
    await page.locator('[data-testid="target-resolution-low-unit"]').click();
    await page.click('li[role="option"][data-value="minutes"]');
    await page.locator('[data-testid="target-resolution-low"]').fill('999999999');
    await page.click('[data-testid="save-draft"]');
    await page.waitForSelector('[data-testid="problem-list"]');
    expect(await page.textContent('[data-testid="problem-list"]')).toContain('/metrics/resolution/low');
    await admin.shot('editors-sla-policy-problem');
    const policy = await api.send<Published<unknown>>('/api/v1/sla-policies/complaints');
    expect(policy.body.draft).toBeNull();
    expect(policy.body.published?.version).toBe(2);
  });

  it('shows a calendar’s working days, holidays and local holidays in the month view', async () => {
    const { admin } = suite;
    const { page } = admin;
    await page.click('[data-testid="tab-calendars"]');
    await page.click('[data-testid="unsaved-leave"]');
    await page.click('[data-testid="calendars-item-utility-office"]');
    await page.waitForSelector('[data-testid="month-view"] td[data-working]');
    const now = new Date();
    const steps = 2026 * 12 + 8 - (now.getFullYear() * 12 + now.getMonth());
    for (let i = 0; i < Math.abs(steps); i++) {
      await page.click(steps > 0 ? '[data-testid="month-next"]' : '[data-testid="month-previous"]');
    }
    const day = (date: string) => page.locator(`td[data-date="${date}"]`);
    await page.waitForSelector('td[data-date="2026-09-24"][data-working]');
    await page.waitForFunction(
      () => document.querySelector('td[data-date="2026-09-24"]')?.getAttribute('data-working') === 'false',
    );
    expect(await day('2026-09-23').getAttribute('data-working')).toBe('true');
    expect(await day('2026-09-11').getAttribute('data-working')).toBe('false');
    expect(await day('2026-09-12').getAttribute('data-working')).toBe('false');
    expect(await day('2026-09-24').getAttribute('title')).toContain('Mercè');

    await page.click('[data-testid="week-sat-add"]');
    await page.waitForFunction(
      () => document.querySelector('td[data-date="2026-09-12"]')?.getAttribute('data-working') === 'true',
    );
    await admin.shot('editors-calendar');
  });

  it('edits a rule, tests the draft in the panel with a ✓/✗ tree, and publishes it', async () => {
    const { admin } = suite;
    const { page, api } = admin;
    await page.click('[data-testid="nav-rules"]');
    await page.click('[data-testid="unsaved-leave"]');
    await page.click('[data-testid="rule-sets-item-case-triage"]');
    await page.waitForSelector('[data-testid="rule-3"]');
    await page.locator('[data-testid="rule-3-priority"]').fill('15');
    await page.click('[data-testid="rule-3-conditions-0-value"]');
    await page.click('li[role="option"][data-value="complaint"]');
    await page
      .locator('[data-testid="rule-test-facts"]')
      .fill(JSON.stringify({ case: { type: 'complaint', priority: 'normal' }, personOpenCases: 0 }));
    await page.click('[data-testid="rule-test-run"]');
    await page.waitForSelector('[data-testid="rule-test-result"]');

    const fired = page.locator('[data-testid="rule-test-rule-information-request"]');
    expect(await fired.getAttribute('data-fired')).toBe('true');
    expect(await fired.locator('[data-held]').first().getAttribute('data-held')).toBe('true');
    const notFired = page.locator('[data-testid="rule-test-rule-technical-incident"]');
    expect(await notFired.getAttribute('data-fired')).toBe('false');
    expect(await notFired.locator('[data-held="false"]').count()).toBeGreaterThan(0);
    await admin.shot('editors-rule-test');

    await page.setViewportSize({ width: 1024, height: 700 });
    const wide = await page.evaluate(() =>
      [...document.querySelectorAll('body *')]
        .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1)
        .slice(0, 8)
        .map(
          (e) =>
            `${e.tagName}.${String(e.className).slice(0, 60)} ${e.getAttribute('data-testid') ?? ''} ${Math.round(e.getBoundingClientRect().right)}`,
        ),
    );
    expect(wide).toEqual([]);
    await admin.shot('editors-rule-test-narrow');
    await page.setViewportSize({ width: 1366, height: 800 });

    await page.click('[data-testid="publish"]');
    await page.waitForSelector('[data-testid="action-result"][data-kind="published"]');
    type RuleSet = {
      rules: { name: string; priority?: number; conditions: { all: { value: unknown }[] } }[];
    };
    const ruleSet = await api.send<Published<RuleSet>>('/api/v1/rules/case-triage');
    expect(ruleSet.body.published?.version).toBe(2);
    const rule = ruleSet.body.published?.content.rules[3];
    expect(rule).toMatchObject({ name: 'information-request', priority: 15 });
    expect(rule?.conditions.all[0]?.value).toBe('complaint');

    const evaluated = await api.send<{ events: { type: string; params: Record<string, unknown> }[] }>(
      '/api/v1/rules/case-triage/evaluate',
      {
        method: 'POST',
        json: { facts: { case: { type: 'complaint' }, personOpenCases: 0 } },
      },
    );
    expect(evaluated.body.events.map((e) => e.params.priority)).toContain('low');

    await page.focus('[data-testid="add-rule"]');
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-testid="rule-5"]');
    await page.focus('[data-testid="rule-5-conditions-add"]');
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-testid="rule-5-conditions-0"]');
    await page.focus('[data-testid="rule-5-remove"]');
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-testid="rule-5"]', { state: 'detached' });
    expect(await page.isVisible('[data-testid="status-unsaved"]')).toBe(false);
  });
});
