import {
  demo,
  demoPassword,
  expect,
  expectAccessibleInBothLanguages,
  mainNavigation,
  switchLanguage,
  test,
} from './helpers';

// Unique per run, so a retry against the same database still adds new people.
const run = Date.now().toString(36);
const header =
  'email,given_name,family_name,employee_id,manager,department,job_title,location,start_date';
const good1 = `sanne.${run}@noordzee.demo,Sanne,Veldhuis-${run},E2E-${run}-1,${demo.orgAdmin},HR,Adviseur,Rotterdam,2026-02-01`;
const good2 = `tom.${run}@noordzee.demo,Tom,Brouwer-${run},E2E-${run}-2,sanne.${run}@noordzee.demo,HR,Stagiair,Rotterdam,2026-03-01`;
const badManager = `lotte.${run}@noordzee.demo,Lotte,Kramer-${run},E2E-${run}-3,niemand.${run}@noordzee.demo,HR,Adviseur,Utrecht,2026-03-01`;
const fixedManager = `lotte.${run}@noordzee.demo,Lotte,Kramer-${run},E2E-${run}-3,sanne.${run}@noordzee.demo,HR,Adviseur,Utrecht,2026-03-01`;

test('an org admin signs in, switches language, imports a CSV with one bad row, fixes it and finds the new people', async ({
  page,
}) => {
  // The whole story in one test, with some twenty-two accessibility scans: slow on a busy machine.
  test.setTimeout(420_000);
  // A new user opens the app and is sent to the sign-in page, in Dutch (the browser's language).
  await page.goto('/');
  await expect(page).toHaveURL(/\/sign-in$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Inloggen bij Klik' })).toBeVisible();
  await expectAccessibleInBothLanguages(page, 'sign-in');

  await page.getByRole('textbox', { name: 'E-mailadres' }).fill(demo.orgAdmin);
  await page.getByRole('textbox', { name: 'Wachtwoord', exact: true }).fill(demoPassword);
  await page.getByRole('button', { name: 'Inloggen', exact: true }).click();
  const greeting = page.getByRole('heading', { level: 1, name: /^Welkom, / });
  await expect(greeting).toBeVisible();
  await expect(page.getByText('Organisatiebeheerder')).toBeVisible();

  // Switch to English and back; the choice is saved for the user.
  await switchLanguage(page, 'en');
  await expect(page.getByRole('heading', { level: 1, name: /^Welcome, / })).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Main menu' })).toContainText('People');
  const saved = await page.request.get('/api/me');
  expect((await saved.json()).user.locale).toBe('en');
  await switchLanguage(page, 'nl');
  await expect(greeting).toBeVisible();
  await expectAccessibleInBothLanguages(page, 'home');

  // The import page, first with a file in which line 4 names a manager nobody knows.
  await mainNavigation(page).getByRole('link', { name: 'Importeren' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Personeelslijst importeren' }),
  ).toBeVisible();
  await expectAccessibleInBothLanguages(page, 'import');

  await page.locator('input[type="file"]').setInputFiles({
    name: 'medewerkers.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from([header, good1, good2, badManager].join('\n') + '\n'),
  });
  const csvText = page.getByLabel('Of plak de inhoud hier');
  await expect(csvText).toHaveValue(new RegExp(`lotte\\.${run}`));
  await page.getByRole('button', { name: 'Controleren' }).click();

  const errors = page.getByRole('alert').filter({ hasText: 'fout in het bestand' });
  await expect(errors).toContainText('1 fout in het bestand');
  await expect(errors).toContainText('Regel 4 · manager');
  const badRow = page.locator('tr[data-line="4"]');
  await expect(badRow).toHaveAttribute('data-has-errors', 'true');
  await expect(badRow).toContainText(`niemand.${run}@noordzee.demo`);
  await expect(page.locator('tr[data-line="2"]')).not.toHaveAttribute('data-has-errors', 'true');
  await expect(page.getByRole('button', { name: 'Importeren', exact: true })).toBeDisabled();
  await expectAccessibleInBothLanguages(page, 'import dry run with an error');

  // Fix the line and check again: no errors, so it can be applied.
  await csvText.fill([header, good1, good2, fixedManager].join('\n') + '\n');
  await page.getByRole('button', { name: 'Controleren' }).click();
  await expect(page.getByText('0 fouten')).toBeVisible();
  await expect(page.getByText('3 toevoegen')).toBeVisible();
  const apply = page.getByRole('button', { name: 'Importeren', exact: true });
  await expect(apply).toBeEnabled();
  await apply.click();
  await expect(page.getByText('De import is uitgevoerd')).toBeVisible();
  await expect(page.getByText('3 toegevoegd')).toBeVisible();
  await expectAccessibleInBothLanguages(page, 'import applied');

  // The new people are in the directory.
  await page.getByRole('link', { name: 'Bekijk de mensen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Mensen' })).toBeVisible();
  await page.getByRole('searchbox', { name: 'Zoeken' }).fill(run);
  for (const name of [`Sanne Veldhuis-${run}`, `Tom Brouwer-${run}`, `Lotte Kramer-${run}`]) {
    await expect(page.getByRole('link', { name })).toBeVisible();
  }
  await expect(page.getByText('3 mensen')).toBeVisible();
  await expectAccessibleInBothLanguages(page, 'people directory');

  // A new person's detail shows the reporting line from the file.
  await page.getByRole('link', { name: `Tom Brouwer-${run}` }).click();
  const drawer = page.getByRole('dialog', { name: `Tom Brouwer-${run}` });
  await expect(drawer.getByRole('heading', { name: 'Rapportagelijn' })).toBeVisible();
  await expect(drawer.getByRole('link', { name: `Sanne Veldhuis-${run}` })).toBeVisible();
  await expectAccessibleInBothLanguages(page, 'person detail');
  await drawer.getByRole('button', { name: 'Sluiten' }).click();
  await expect(drawer).toBeHidden();

  // A file by which someone leaves today deactivates them: the page says how many, and applying
  // waits for a confirmation that names that number.
  const today = new Date().toISOString().slice(0, 10);
  const leaving = `lotte.${run}@noordzee.demo,Lotte,Kramer-${run},E2E-${run}-3,sanne.${run}@noordzee.demo,HR,Adviseur,Utrecht,${today},${today}`;
  await mainNavigation(page).getByRole('link', { name: 'Importeren' }).click();
  await page
    .getByLabel('Of plak de inhoud hier')
    .fill([`${header},leave_date`, leaving].join('\n') + '\n');
  await page.getByRole('button', { name: 'Controleren' }).click();
  await expect(page.getByText('Dit deactiveert 1 persoon')).toBeVisible();
  const applyLeaving = page.getByRole('button', { name: 'Importeren', exact: true });
  await expect(applyLeaving).toBeDisabled();
  await expect(page.getByText('Bevestig eerst het aantal te deactiveren personen')).toBeVisible();
  const confirmation = page.getByRole('checkbox', { name: 'Ja, deactiveer 1 persoon' });
  await confirmation.check();
  await expect(applyLeaving).toBeEnabled();
  await expectAccessibleInBothLanguages(page, 'import that deactivates someone');
  await applyLeaving.click();
  await expect(page.getByText('De import is uitgevoerd')).toBeVisible();
  await expect(page.getByText('1 gedeactiveerd')).toBeVisible();

  // Organisation settings, the last page an org admin has.
  await mainNavigation(page).getByRole('link', { name: 'Organisatie' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Organisatie-instellingen' }),
  ).toBeVisible();
  await expect(page.getByLabel('Naam')).toHaveValue(/Noordzee/);
  await expectAccessibleInBothLanguages(page, 'organisation settings');
});
