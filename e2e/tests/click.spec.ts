import type { Page } from '@playwright/test';
import {
  demo,
  expect,
  expectAccessible,
  expectAccessibleInBothLanguages,
  mainNavigation,
  signIn,
  test,
} from './helpers';

// Issue 4's scenario: nobody is appointed a mentor. A manager designs and publishes a reverse-
// mentoring programme; a senior manager (a plain member, no admin rights) enrols as mentee, sees
// suggestions with reasons in Dutch and asks a young software engineer; he accepts; both see the
// new relationship.
const run = Date.now().toString(36);
const programmeName = `Reverse mentoring ${run}`;
const mentee = { email: demo.seniorMember, name: 'Ingrid Visser' };
const mentor = { email: demo.member, name: 'Daan Jansen' };

/**
 * A known starting profile for the mentee, whatever the demo or an earlier run left: she wants to
 * learn social media; the wizard adds the rest.
 */
async function giveStartingProfile(page: Page): Promise<void> {
  const response = await page.request.put('/api/me/profile', {
    data: {
      offers: [],
      wants: [{ skill: 'social-media', level: 2 }],
      hobbies: [],
      experiences: [],
      values: [],
      tags: [],
      languages: ['nl', 'en'],
      availability: [],
      timeZone: 'Europe/Amsterdam',
      meetingMode: 'either',
      place: null,
      about: '',
    },
  });
  expect(response.status()).toBe(200);
}

/**
 * Signs in, and once more after a minute if the sign-in rate limit answered: in a full run the
 * auth spec's sign-ins come just before this file's six.
 */
async function signInPatiently(page: Page, email: string): Promise<void> {
  try {
    await signIn(page, email);
  } catch (error) {
    const limited = page.getByRole('alert').filter({ hasText: 'Te veel pogingen' });
    if ((await limited.count()) === 0) throw error;
    await page.waitForTimeout(61_000);
    await signIn(page, email);
  }
}

async function openProgramme(page: Page): Promise<void> {
  await mainNavigation(page).getByRole('link', { name: 'Programma’s' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Programma’s' })).toBeVisible();
}

test('a manager designs a reverse programme, a senior manager asks a young mentor, he accepts, both see the relationship', async ({
  page,
  browser,
}) => {
  test.setTimeout(360_000);

  // 1. The programme manager designs the programme and publishes it.
  await signInPatiently(page, demo.programmeManager);
  await mainNavigation(page).getByRole('link', { name: 'Programma ontwerpen' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Nieuw programma ontwerpen' }),
  ).toBeVisible();
  await page.getByRole('textbox', { name: 'Naam', exact: true }).fill(programmeName);
  await page
    .getByRole('textbox', { name: 'Doel' })
    .fill('Jong leert oud over technologie, oud leert jong over netwerken.');
  await page
    .getByRole('textbox', { name: 'Beschrijving (Nederlands)' })
    .fill('Jongere collega’s zijn mentor van ervaren collega’s, en andersom.');
  await page
    .getByRole('textbox', { name: 'Beschrijving (Engels)' })
    .fill('Younger colleagues mentor experienced ones, and back.');
  await page.getByRole('radio', { name: 'Reverse mentoring' }).check();
  // The reporting line is excluded two levels either way unless the designer says otherwise.
  await expect(
    page.getByRole('textbox', { name: 'Rapportagelijn: niveaus uitsluiten' }),
  ).toHaveValue('2');
  // Earlier pairs are allowed here, so the scenario also runs against a database it ran on before.
  await page
    .getByRole('checkbox', { name: 'Geen paren die eerder samen een mentorrelatie hadden' })
    .uncheck();
  await page.getByRole('button', { name: 'Vraag toevoegen' }).click();
  await page
    .getByRole('textbox', { name: 'Vraag 1 (Nederlands)' })
    .fill('Wat wil je na dit programma anders doen?');
  await page
    .getByRole('textbox', { name: 'Vraag 1 (Engels)' })
    .fill('What do you want to do differently afterwards?');
  await expectAccessible(page, 'designer (new programme)');
  await page.getByRole('button', { name: 'Concept opslaan' }).click();

  await expect(
    page.getByRole('heading', { level: 1, name: `Ontwerp: ${programmeName}` }),
  ).toBeVisible();
  await expect(page).toHaveURL(/\/programmes\/[0-9a-f-]{36}\/design$/);
  const programmeId = /\/programmes\/([0-9a-f-]{36})\/design/.exec(page.url())?.[1] ?? '';
  await expect(page.getByRole('slider', { name: 'Gemeenschappelijke interesses' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Voorbeeld van suggesties' })).toBeVisible();
  await expectAccessibleInBothLanguages(page, 'designer with weights and preview');
  // Publishing cannot be undone, so it asks first.
  await page.getByRole('button', { name: 'Publiceren' }).click();
  const publishDialog = page.getByRole('dialog', { name: `${programmeName} publiceren?` });
  await expect(publishDialog).toContainText('kan niet terug naar concept');
  await publishDialog.getByRole('button', { name: 'Publiceren' }).click();
  await expect(publishDialog).toBeHidden();
  await expect(page.getByText('Gepubliceerd', { exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Programma sluiten' })).toBeVisible();

  // 2. Daan, a young software engineer, enrols as mentor (through the API: the wizard is shown
  //    with the mentee below). He sails, like the mentee will say she does.
  const mentorContext = await browser.newContext();
  const mentorPage = await mentorContext.newPage();
  await signInPatiently(mentorPage, mentor.email);
  const profile = (await (await mentorPage.request.get('/api/me/profile')).json()) as {
    hobbies: string[];
    isComplete?: boolean;
  };
  delete profile.isComplete;
  const saved = await mentorPage.request.put('/api/me/profile', {
    data: { ...profile, hobbies: [...new Set([...profile.hobbies, 'Zeilen'])] },
  });
  expect(saved.status()).toBe(200);
  const enrolled = await mentorPage.request.post(`/api/programmes/${programmeId}/enrolment`, {
    data: { role: 'mentor', capacity: 2 },
  });
  expect(enrolled.status()).toBe(201);

  // 3. The mentee enrols with the wizard.
  const menteeContext = await browser.newContext();
  const menteePage = await menteeContext.newPage();
  await signInPatiently(menteePage, mentee.email);
  await giveStartingProfile(menteePage);
  await openProgramme(menteePage);
  const card = menteePage
    .getByRole('article')
    .filter({ has: menteePage.getByRole('heading', { name: programmeName }) });
  await expectAccessibleInBothLanguages(menteePage, 'programme list');
  await card.getByRole('link', { name: 'Inschrijven' }).click();
  await expect(
    menteePage.getByRole('heading', { level: 1, name: `Inschrijven: ${programmeName}` }),
  ).toBeVisible();
  await expect(menteePage.getByRole('radio', { name: 'mentee', exact: true })).toBeChecked();
  await menteePage.getByRole('button', { name: 'Volgende' }).click();

  await expect(menteePage.getByRole('heading', { level: 2, name: 'Je profiel' })).toBeVisible();
  // Skills come from the bilingual list, grouped by category and searchable.
  const offers = menteePage.getByRole('combobox', { name: 'Wat je kunt bieden' });
  if (
    (await menteePage.getByRole('combobox', { name: 'Jouw niveau in Presenteren' }).count()) === 0
  ) {
    await offers.click();
    await offers.fill('Presen');
    await menteePage.getByRole('option', { name: 'Presenteren', exact: true }).click();
    await menteePage.keyboard.press('Escape');
  }
  await menteePage.getByRole('combobox', { name: 'Jouw niveau in Presenteren' }).selectOption('5');
  const hobbies = menteePage.getByRole('combobox', { name: 'Hobby’s' });
  await hobbies.fill('Zeilen');
  await hobbies.press('Enter');
  await menteePage.getByRole('checkbox', { name: 'di, Middag (12–17 uur)' }).check();
  await expectAccessible(menteePage, 'enrolment wizard, profile');
  await menteePage.getByRole('button', { name: 'Volgende' }).click();

  await expect(menteePage.getByRole('heading', { level: 2, name: 'Vragen' })).toBeVisible();
  await menteePage
    .getByRole('textbox', { name: 'Wat wil je na dit programma anders doen?' })
    .fill('Zelf social media gebruiken en begrijpen wat jongere collega’s ermee doen.');
  await menteePage.getByRole('button', { name: 'Volgende' }).click();
  await expect(menteePage.getByRole('heading', { level: 2, name: 'Controleren' })).toBeVisible();
  await menteePage.getByRole('button', { name: 'Inschrijven', exact: true }).click();

  // 4. Suggestions with reasons in Dutch, both learning directions.
  await expect(
    menteePage.getByRole('heading', { level: 1, name: `Suggesties in ${programmeName}` }),
  ).toBeVisible();
  const suggestion = menteePage
    .getByRole('article')
    .filter({ has: menteePage.getByRole('heading', { name: mentor.name }) });
  await expect(suggestion).toContainText('Wat jij leert');
  await expect(suggestion).toContainText(`${mentor.name} kan je helpen met`);
  await expect(suggestion).toContainText(`Jij kunt ${mentor.name} helpen met`);
  await expect(suggestion).toContainText(/zeilen/i);
  await expect(suggestion).toContainText(/Klik: \d+%/);
  await expectAccessibleInBothLanguages(menteePage, 'suggestions');

  await suggestion.getByRole('button', { name: `Verzoek sturen aan ${mentor.name}` }).click();
  const dialog = menteePage.getByRole('dialog', { name: `Verzoek aan ${mentor.name}` });
  await dialog
    .getByRole('textbox', { name: 'Persoonlijk bericht' })
    .fill(
      'Daan, ik wil graag van je leren hoe jullie social media in het werk gebruiken. Zullen we eens koffie drinken?',
    );
  await dialog
    .getByRole('textbox', { name: 'Wat hoop je te leren?' })
    .fill('Zelf aan de slag met social media.');
  await expectAccessible(menteePage, 'request modal');
  await dialog.getByRole('button', { name: 'Verzoek versturen' }).click();
  await expect(dialog).toBeHidden();
  await expect(suggestion.getByText('Verzoek verstuurd')).toBeVisible();

  // 5. Daan finds the request in his inbox, reads why, and accepts.
  await mentorPage.goto('/');
  await mainNavigation(mentorPage).getByRole('link', { name: 'Verzoeken' }).click();
  await expect(mentorPage.getByRole('heading', { level: 1, name: 'Verzoeken' })).toBeVisible();
  const row = mentorPage.getByRole('row').filter({ hasText: programmeName });
  await expectAccessibleInBothLanguages(mentorPage, 'request inbox');
  await row.getByRole('link', { name: mentee.name }).click();
  await expect(
    mentorPage.getByRole('heading', { level: 1, name: `Verzoek van ${mentee.name}` }),
  ).toBeVisible();
  await expect(mentorPage.getByText('ik wil graag van je leren')).toBeVisible();
  // Beside her profile, her answer to the programme's question.
  await expect(
    mentorPage.getByRole('region', { name: `Profiel van ${mentee.name}` }),
  ).toContainText('Zelf social media gebruiken en begrijpen');
  await expect(
    mentorPage.getByRole('region', { name: 'Waarom het zou kunnen klikken' }),
  ).toContainText(`Jij kunt ${mentee.name} helpen met`);
  await expectAccessibleInBothLanguages(mentorPage, 'request detail');
  await mentorPage.getByRole('button', { name: 'Accepteren' }).click();
  await expect(mentorPage.getByText('Geaccepteerd', { exact: true })).toBeVisible();

  // 6. Both see the relationship.
  await mainNavigation(mentorPage).getByRole('link', { name: 'Mijn mentoring' }).click();
  const asMentor = mentorPage.getByRole('article').filter({ hasText: programmeName });
  await expect(
    asMentor.getByRole('heading', { name: `Jij bent mentor van ${mentee.name}` }),
  ).toBeVisible();
  await expectAccessibleInBothLanguages(mentorPage, 'my mentoring (mentor)');

  await mainNavigation(menteePage).getByRole('link', { name: 'Mijn mentoring' }).click();
  const asMentee = menteePage.getByRole('article').filter({ hasText: programmeName });
  await expect(
    asMentee.getByRole('heading', { name: `Je mentor is ${mentor.name}` }),
  ).toBeVisible();

  // 7. The mentee was told in the app too, and the notification leads to the relationship.
  await mainNavigation(menteePage).getByRole('link', { name: 'Meldingen' }).click();
  const started = menteePage.getByRole('link', {
    name: `Jullie klikken: je mentorrelatie met ${mentor.name} is begonnen`,
  });
  await expect(started.first()).toBeVisible();
  await expectAccessibleInBothLanguages(menteePage, 'notifications');
  await started.first().click();
  await expect(menteePage).toHaveURL(/\/mentoring\/[0-9a-f-]{36}$/);
  await expect(
    menteePage.getByRole('heading', { level: 1, name: `Mentoring met ${mentor.name}` }),
  ).toBeVisible();

  await mentorContext.close();
  await menteeContext.close();
});

test('a manager proposes introductions (pin, rerun, stable), sends them, and both people accept', async ({
  page,
  browser,
}) => {
  test.setTimeout(360_000);
  const name = `Voorgestelde introducties ${run}`;

  // The design itself is covered above; here the programme is set up through the API.
  await signInPatiently(page, demo.programmeManager);
  const created = await page.request.post('/api/programmes', {
    data: {
      name,
      type: 'classic',
      matchingMode: 'manager_proposes',
      conflictRules: {
        reportingLineLevels: 2,
        excludeSameTeam: false,
        excludeSameDepartment: false,
        excludeEarlierPairs: false,
      },
    },
  });
  expect(created.status()).toBe(201);
  const programmeId = ((await created.json()) as { id: string }).id;
  expect((await page.request.post(`/api/programmes/${programmeId}/publish`)).status()).toBe(200);

  const people: { page: Page; close: () => Promise<void> }[] = [];
  for (const [email, role] of [
    [mentor.email, 'mentor'],
    [mentee.email, 'mentee'],
  ] as const) {
    const context = await browser.newContext();
    const personPage = await context.newPage();
    await signInPatiently(personPage, email);
    if (role === 'mentee') await giveStartingProfile(personPage);
    const enrolled = await personPage.request.post(`/api/programmes/${programmeId}/enrolment`, {
      data: role === 'mentor' ? { role, capacity: 2 } : { role },
    });
    expect(enrolled.status()).toBe(201);
    people.push({ page: personPage, close: () => context.close() });
  }
  const [mentorSide, menteeSide] = people;
  if (!mentorSide || !menteeSide) throw new Error('both people are signed in');

  // The manager runs the optimal assignment, pins the pair, reruns stable, and sends.
  await page.goto(`/programmes/${programmeId}`);
  await page.getByRole('link', { name: 'Voorstellen' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: `Voorstellen voor ${name}` }),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Voorstel berekenen' }).click();
  const pair = page
    .getByRole('row')
    .filter({ hasText: mentee.name })
    .filter({ hasText: mentor.name });
  await expect(pair).toContainText(`${mentor.name} kan ${mentee.name} helpen met`);
  await expect(page.getByRole('heading', { name: 'Uitkomst (Optimaal)' })).toBeVisible();
  // Totals per department only: no gender or age-band breakdown beside named lists.
  await expect(page.getByRole('table', { name: 'Per afdeling' })).toBeVisible();
  await expect(
    page.getByText('Gender, leeftijd en achtergrond worden hier nooit uitgesplitst'),
  ).toBeVisible();
  await expectAccessibleInBothLanguages(page, 'proposal board');
  await pair.getByRole('button', { name: `${mentee.name} en ${mentor.name} vastzetten` }).click();
  await expect(
    page
      .getByRole('region', { name: 'Vastgezette en verboden paren' })
      .getByText('Vastgezet', { exact: true }),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Opnieuw berekenen' }).click();
  await expect(pair).toBeVisible();
  // The stable method ignores pins, and says so.
  await page.getByText('Stabiel', { exact: true }).click();
  await expect(page.getByText('de stabiele methode negeert ze')).toBeVisible();
  await page.getByRole('button', { name: 'Opnieuw berekenen' }).click();
  await expect(page.getByRole('heading', { name: 'Uitkomst (Stabiel)' })).toBeVisible();
  await expect(pair).toBeVisible();
  // Sending asks first, naming the number.
  await page.getByRole('button', { name: '1 introductie versturen' }).click();
  await page
    .getByRole('dialog', { name: '1 introductie versturen?' })
    .getByRole('button', { name: '1 introductie versturen' })
    .click();
  await expect(page.getByRole('button', { name: 'Verstuurd' })).toBeDisabled();
  // The manager sees what became of it.
  const sentRow = page
    .getByRole('table', { name: 'Verstuurde introducties' })
    .getByRole('row')
    .filter({ hasText: mentee.name })
    .filter({ hasText: mentor.name });
  await expect(sentRow).toContainText('Wacht op antwoord');

  // Both must accept; either could decline without consequence.
  await menteeSide.page.goto('/');
  await mainNavigation(menteeSide.page).getByRole('link', { name: 'Introducties' }).click();
  const forMentee = menteeSide.page
    .getByRole('article')
    .filter({
      has: menteeSide.page.getByRole('heading', {
        name: `Voorgesteld als je mentor: ${mentor.name}`,
      }),
    })
    .filter({ hasText: name });
  await expect(forMentee).toContainText('Nee zeggen heeft geen gevolgen');
  await expectAccessibleInBothLanguages(menteeSide.page, 'introductions');
  await forMentee.getByRole('button', { name: 'Ja, graag' }).click();
  await expect(forMentee.getByText('Jij: ja')).toBeVisible();

  await mentorSide.page.goto('/introductions');
  const forMentor = mentorSide.page
    .getByRole('article')
    .filter({
      has: mentorSide.page.getByRole('heading', {
        name: `Voorgesteld als je mentee: ${mentee.name}`,
      }),
    })
    .filter({ hasText: name });
  await expect(forMentor.getByText(`${mentee.name}: ja`)).toBeVisible();
  await forMentor.getByRole('button', { name: 'Ja, graag' }).click();
  await expect(forMentor.getByText('Jij: ja')).toBeVisible();

  await mainNavigation(mentorSide.page).getByRole('link', { name: 'Mijn mentoring' }).click();
  await expect(
    mentorSide.page
      .getByRole('article')
      .filter({ hasText: name })
      .getByRole('heading', { name: `Jij bent mentor van ${mentee.name}` }),
  ).toBeVisible();

  await page.reload();
  await expect(sentRow).toContainText('Mentorrelatie gestart');
  await expect(page.getByText('1 verstuurd: 0 wachten op antwoord, 1 geaccepteerd')).toBeVisible();

  for (const person of people) await person.close();
});
