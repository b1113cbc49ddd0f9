/** Dutch texts of the outcome report, its exports and the sponsor's home; spread into nl.ts. messages-en.ts has the same keys. */
export const outcomesNl = {
  outcomes: {
    title: 'Resultaten',
    nav: 'Resultaten',
  },
};
