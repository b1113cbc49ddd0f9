/** Dutch texts of stories: writing, review and publication; spread into nl.ts. messages-en.ts has the same keys. */
export const storiesNl = {
  stories: {
    title: 'Verhalen',
    nav: 'Verhalen',
  },
};
