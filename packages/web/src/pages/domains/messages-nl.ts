/**
 * Dutch texts of the email-domain sections (organisation settings, and the platform admin's
 * approvals on the organisations page), spread into nl.ts; messages-en.ts has the same keys.
 */
export const domainsNl = {
  domains: {
    title: 'E-maildomeinen',
    intro:
      'Mensen kunnen alleen worden toegevoegd met een adres onder een geverifieerd domein van je organisatie. Verifieer een domein met een TXT-record in de DNS, of laat de platformbeheerder het goedkeuren.',
    empty: 'Er zijn nog geen domeinen. Voeg het domein van jullie e-mailadressen toe.',
    domain: 'Domein',
    domainHint: 'Bijvoorbeeld voorbeeld.nl',
    add: 'Domein toevoegen',
    added: '{{domain}} is toegevoegd. Publiceer het TXT-record en verifieer het daarna.',
    verifiedByDns: 'Geverifieerd via DNS',
    verifiedByAdmin: 'Goedgekeurd door de platformbeheerder',
    pending: 'Nog niet geverifieerd',
    recordIntro: 'Zet dit TXT-record in de DNS van {{domain}} en klik daarna op Verifiëren.',
    recordType: 'Type',
    recordName: 'Naam',
    recordValue: 'Waarde',
    copy: 'Kopieer {{what}}',
    copied: 'Gekopieerd',
    verify: 'Verifiëren',
    verifiedNow: '{{domain}} is geverifieerd.',
    askAdmin:
      'Geen toegang tot de DNS? De platformbeheerder kan het domein ook goedkeuren; de aanvraag staat al klaar.',
    remove: 'Verwijderen',
    removeLabel: '{{domain}} verwijderen',
    removeTitle: '{{domain}} verwijderen?',
    removeText:
      'Daarna kun je geen mensen meer toevoegen met een adres onder {{domain}}. Wie er al is, houdt zijn adres.',
    removed: '{{domain}} is verwijderd.',
    pendingTitle: 'Domeinen die wachten op goedkeuring',
    pendingIntro:
      'Keur een domein alleen goed als je zeker weet dat het van die organisatie is, bijvoorbeeld na contact met hun IT-afdeling.',
    pendingEmpty: 'Er wachten geen domeinen op goedkeuring.',
    organisation: 'Organisatie',
    requested: 'Aangevraagd',
    approve: 'Goedkeuren',
    approveLabel: '{{domain}} goedkeuren voor {{organisation}}',
    approved: '{{domain}} is goedgekeurd voor {{organisation}}.',
    reject: 'Afwijzen',
    rejectLabel: '{{domain}} afwijzen voor {{organisation}}',
    rejectTitle: '{{domain}} afwijzen?',
    rejectText:
      'De aanvraag van {{organisation}} wordt verwijderd. De organisatie kan het domein opnieuw toevoegen.',
    rejected: 'De aanvraag voor {{domain}} is afgewezen.',
    verifiedElsewhere: 'Al geverifieerd voor {{organisation}}',
  },
};
