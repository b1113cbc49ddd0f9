import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

export const demoPassword = 'klik-demo-2026';

export const demo = {
  orgAdmin: 'hr@noordzee.demo',
  programmeManager: 'programma@noordzee.demo',
  sponsor: 'directie@noordzee.demo',
  member: 'medewerker@noordzee.demo',
  seniorMember: 'manager@noordzee.demo',
  platformAdmin: 'admin@klik.demo',
  smeAdmin: 'admin@groenveld.demo',
} as const;

/** Fails on any serious or critical accessibility violation, naming the rule and elements. */
export async function expectAccessible(page: Page, label: string): Promise<void> {
  // Let animations (drawers, modals, notifications) settle so colours are measured as seen.
  await page.waitForFunction(() =>
    document.getAnimations().every((a) => a.playState !== 'running'),
  );
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter(
    (v) => v.impact === 'serious' || v.impact === 'critical',
  );
  const report = serious.map(
    (v) =>
      `${v.impact} ${v.id}: ${v.help}\n  ${v.nodes.map((n) => n.target.join(' ')).join('\n  ')}`,
  );
  const lang = await page.evaluate(() => document.documentElement.lang);
  expect(report, `accessibility of ${label} (${lang})`).toEqual([]);
}

/** The header's language switcher is labelled in the language currently shown. */
export async function switchLanguage(page: Page, to: 'nl' | 'en'): Promise<void> {
  const select = page.getByRole('combobox', { name: /^(Taal|Language)$/ }).first();
  await select.selectOption(to);
  await expect(page.locator('html')).toHaveAttribute('lang', to);
  await expect(
    page.getByRole('combobox', { name: to === 'nl' ? 'Taal' : 'Language', exact: true }),
  ).toBeVisible();
}

/** Checks the page in Dutch and in English, and leaves it in Dutch. */
export async function expectAccessibleInBothLanguages(page: Page, label: string): Promise<void> {
  await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
  await expectAccessible(page, label);
  await switchLanguage(page, 'en');
  await expectAccessible(page, label);
  await switchLanguage(page, 'nl');
}

export async function signIn(page: Page, email: string): Promise<void> {
  await page.goto('/sign-in');
  await page.getByRole('textbox', { name: 'E-mailadres' }).fill(email);
  await page.getByRole('textbox', { name: 'Wachtwoord', exact: true }).fill(demoPassword);
  await page.getByRole('button', { name: 'Inloggen', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^Welkom, / })).toBeVisible();
}

export function mainNavigation(page: Page) {
  return page.getByRole('navigation', { name: 'Hoofdmenu' });
}
