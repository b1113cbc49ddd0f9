import type { Locator, Page } from '@playwright/test';
import { demo, expect, expectAccessible, mainNavigation, signIn, test } from './helpers';

// The demo's "manager proposes" programme: the programme manager runs the optimal matching, pins
// a mentee it left without a pair to a mentor of her choosing (saved on the programme, so it is
// still there after a reload), reads the figures, opens the send confirmation and cancels it, and
// removes the pin again. Nothing is sent, so the demo stays as it was.
test('a manager pins a mentee without a pair, the pin is saved, and sending asks first', async ({
  page,
}) => {
  test.setTimeout(180_000);
  try {
    await signIn(page, demo.programmeManager);
  } catch (error) {
    // A full run signs in many times within a minute; wait out the rate limit once.
    const limited = page.getByRole('alert').filter({ hasText: 'Te veel pogingen' });
    if ((await limited.count()) === 0) throw error;
    await page.waitForTimeout(61_000);
    await signIn(page, demo.programmeManager);
  }
  await mainNavigation(page).getByRole('link', { name: 'Programma’s' }).click();
  await page.getByRole('link', { name: 'Buddy’s voor nieuwe collega’s' }).click();
  await page.getByRole('link', { name: 'Voorstellen' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Voorstellen voor Buddy’s voor nieuwe collega’s' }),
  ).toBeVisible();
  const rules = page.getByRole('region', { name: 'Vastgezette en verboden paren' });
  await expect(rules).toContainText('Nog niets vastgezet of verboden');
  await page.getByRole('button', { name: 'Voorstel berekenen' }).click();

  // Figures a manager reads, not scores.
  const outcome = page.getByRole('region', { name: 'Uitkomst (Optimaal)' });
  await expect(outcome.getByRole('heading', { name: 'Uitkomst (Optimaal)' })).toBeVisible();
  await expect(outcome.getByText('Gemiddelde klik')).toBeVisible();
  await expect(outcome.getByText('Eerste keus')).toBeVisible();
  await expect(outcome.getByText(/\d+ van \d+/).first()).toBeVisible();
  await expect(outcome).not.toContainText('score');
  await expectUniqueHeadings(page);

  // The first mentee without a pair, and the mentors the run offers for her or him.
  const choose = page.getByRole('combobox', { name: /^Mentor voor / }).first();
  const label = await labelOf(choose);
  const mentee = label.replace(/^Mentor voor /, '');
  expect(mentee.length).toBeGreaterThan(0);
  await choose.click();
  const option = page.getByRole('listbox').getByRole('option').first();
  const mentor = ((await option.textContent()) ?? '').split(' · ')[0]!.trim();
  await option.click();
  await expectAccessible(page, 'proposal board with a mentor chosen for an unmatched mentee');
  await page
    .getByRole('button', {
      name: `${mentee} vastzetten bij de gekozen mentor en opnieuw berekenen`,
    })
    .click();

  // The rerun pairs them, the mentee is no longer among those without a pair, and the pin is
  // listed with who set it.
  const pairs = page.getByRole('table', { name: /voorgestelde paren/ });
  await expect(pairs.getByRole('row').filter({ hasText: mentee })).toContainText(mentor);
  await expect(page.getByRole('combobox', { name: `Mentor voor ${mentee}` })).toHaveCount(0);
  await expect(rules.getByText('Vastgezet', { exact: true })).toBeVisible();
  await expect(rules).toContainText(`${mentee} → ${mentor}`);
  await expect(rules).toContainText('door ');

  // Saved on the programme: after a reload the pin is still there, and the next run uses it.
  await page.reload();
  await expect(rules).toContainText(`${mentee} → ${mentor}`);
  await page.getByRole('button', { name: 'Voorstel berekenen' }).click();
  await expect(pairs.getByRole('row').filter({ hasText: mentee })).toContainText(mentor);

  // Sending asks first, naming the number; cancelling sends nothing.
  const sendButton = page.getByRole('button', { name: /^\d+ introducties? versturen$/ });
  const count = Number(/^(\d+)/.exec((await sendButton.textContent()) ?? '')![1]);
  expect(count).toBeGreaterThan(0);
  await sendButton.click();
  const dialog = page.getByRole('dialog', {
    name: `${count} ${count === 1 ? 'introductie' : 'introducties'} versturen?`,
  });
  await expect(dialog).toContainText(
    'Beide mensen krijgen een e-mail en moeten accepteren. Dit kan niet ongedaan worden gemaakt.',
  );
  await expectAccessible(page, 'confirmation before sending introductions');
  await dialog.getByRole('button', { name: 'Annuleren' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(sendButton).toBeEnabled();
  const sent = page.getByRole('region', { name: 'Verstuurde introducties' });
  await expect(sent).toContainText('Nog geen introducties verstuurd.');

  // Removing the pin: gone, also after a reload.
  await rules.getByRole('button', { name: `${mentee} en ${mentor} niet meer vastzetten` }).click();
  await expect(rules).toContainText('Nog niets vastgezet of verboden');
  await page.reload();
  await expect(rules).toContainText('Nog niets vastgezet of verboden');
});

test('the proposal board works at phone width', async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, demo.programmeManager);
  await page.goto('/programmes');
  await page.getByRole('link', { name: 'Buddy’s voor nieuwe collega’s' }).click();
  await page.getByRole('link', { name: 'Voorstellen' }).click();
  await page.getByRole('button', { name: 'Voorstel berekenen' }).click();
  await expect(page.getByRole('heading', { name: 'Uitkomst (Optimaal)' })).toBeVisible();
  // Nothing but the tables (which scroll inside their own box) is wider than the screen.
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
  await page.getByRole('button', { name: /^\d+ introducties? versturen$/ }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('proposal-board-390.png'), fullPage: true });
  await page.getByRole('dialog').getByRole('button', { name: 'Annuleren' }).click();
  await page.screenshot({
    path: test.info().outputPath('proposal-board-390-board.png'),
    fullPage: true,
  });
});

async function labelOf(input: Locator): Promise<string> {
  const id = await input.getAttribute('id');
  return input.page().locator(`label[for="${id}"]`).innerText();
}

/** No heading text appears twice on the page. */
async function expectUniqueHeadings(page: Page): Promise<void> {
  const headings = (await page.getByRole('heading').allInnerTexts()).map((h) => h.trim());
  expect(headings.filter((h, i) => headings.indexOf(h) !== i)).toEqual([]);
}
