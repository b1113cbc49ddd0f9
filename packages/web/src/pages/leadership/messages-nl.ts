/** Dutch texts of the programme's sponsors and leaders, their consent and the invitation to enrol; spread into nl.ts. messages-en.ts has the same keys. */
export const leadershipNl = {
  leadership: {
    title: 'Leiderschap',
    isLeadership: 'Leiding',
    isLeadershipHint:
      'Hoort bij de leiding van de organisatie. Sponsors en managers van managers horen daar vanzelf bij.',
    sectionTitle: 'Sponsors en leiding',
    sponsors: 'Sponsors',
    noSponsors: 'Dit programma heeft nog geen sponsors.',
    takesPart: 'doet mee',
    learnsToo: 'Onze directeuren leren ook',
    leadersTakingPart: 'Leiding die meedoet',
    noLeaders:
      'Nog geen leiding die zichtbaar meedoet. Leidinggevenden die meedoen kiezen zelf of ze hier getoond worden.',
    roles: { mentor: 'mentor', mentee: 'mentee', both: 'mentor en mentee' },
    editSponsors: 'Sponsors wijzigen',
    sponsorPicker: 'Sponsors',
    sponsorPickerDescription: 'Zoek op naam of e-mailadres; hoogstens 10 mensen.',
    noMatches: 'Niemand gevonden',
    save: 'Opslaan',
    cancel: 'Annuleren',
    sponsorsSaved: 'De sponsors zijn opgeslagen.',
    consentTitle: 'Zichtbaar als leider',
    consentSwitch: 'Toon mij op de programmapagina als leider die meedoet',
    consentDescription:
      'Je naam, functie en je eigen zin verschijnen op de programmapagina en in de uitnodiging om mee te doen. Je kunt dit altijd weer uitzetten; dat geldt meteen overal.',
    lineLabel: 'Waarom doe je mee? (in je eigen woorden)',
    linePlaceholder: 'Bijvoorbeeld: ik wil leren hoe jonge collega’s met AI werken.',
    consentSave: 'Opslaan',
    consentSaved: 'Opgeslagen.',
    consentShown: 'Je wordt getoond op de programmapagina.',
    consentHidden: 'Je wordt niet getoond op de programmapagina.',
    invite: 'Doelgroep uitnodigen',
    inviteTitle: 'Doelgroep uitnodigen om mee te doen',
    inviteCount_one:
      '{{count}} persoon uit de doelgroep krijgt een uitnodiging in Klik en per e-mail, met de leiding die meedoet en verhalen van deelnemers. Iedereen krijgt de uitnodiging één keer.',
    inviteCount_other:
      '{{count}} mensen uit de doelgroep krijgen een uitnodiging in Klik en per e-mail, met de leiding die meedoet en verhalen van deelnemers. Iedereen krijgt de uitnodiging één keer.',
    inviteNobody: 'Iedereen uit de doelgroep is al ingeschreven of uitgenodigd.',
    inviteConfirm: 'Uitnodigingen versturen',
    invited_one: '{{count}} persoon uitgenodigd',
    invited_other: '{{count}} mensen uitgenodigd',
    invitedNow_one: '{{count}} uitnodiging verstuurd.',
    invitedNow_other: '{{count}} uitnodigingen verstuurd.',
  },
};
