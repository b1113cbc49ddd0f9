/**
 * Dutch texts of the organisation's skills page, spread into nl.ts as a top-level section;
 * messages-en.ts has the same keys.
 */
export const skillsNl = {
  skills: {
    nav: 'Vaardigheden',
    title: 'Vaardigheden',
    intro:
      'De vaardigheden die medewerkers in hun profiel kiezen (“wat ik bied” en “wat ik wil leren”): de lijst van Klik en wat jullie organisatie heeft toegevoegd.',
    add: {
      title: 'Vaardigheid toevoegen',
      hint: 'Een toegevoegde vaardigheid is meteen te kiezen in de profielen van jullie organisatie.',
      nl: 'Nederlandse naam',
      en: 'Engelse naam',
      category: 'Categorie',
      chooseCategory: 'Kies een categorie',
      submit: 'Toevoegen',
      added: '“{{name}}” is toegevoegd aan de vaardigheden.',
    },
    errors: {
      length: 'Gebruik {{min}} tot {{max}} tekens',
      category: 'Kies een categorie uit de lijst',
      exists: 'Deze vaardigheid staat al in de lijst',
    },
    list: {
      title: 'Alle vaardigheden',
      search: 'Zoeken',
      searchHint: 'Op de Nederlandse of Engelse naam',
      onlyCustom: 'Alleen wat onze organisatie heeft toegevoegd',
      count_one: '{{count}} vaardigheid',
      count_other: '{{count}} vaardigheden',
      empty: 'Geen vaardigheden gevonden.',
      emptyCustom: 'Jullie organisatie heeft nog geen vaardigheden toegevoegd.',
      nl: 'Nederlands',
      en: 'Engels',
      origin: 'Herkomst',
      custom: 'Eigen toevoeging',
      shipped: 'Klik',
    },
  },
} as const;
