/** Dutch texts of the programme's sponsors and leaders, their consent and the invitation to enrol; spread into nl.ts. messages-en.ts has the same keys. */
export const leadershipNl = {
  leadership: {
    title: 'Leiderschap',
  },
};
