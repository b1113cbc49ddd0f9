/** Dutch texts of the platform admin's background-jobs page, spread into nl.ts. */
export const jobsNl = {
  jobs: {
    nav: 'Achtergrondtaken',
    title: 'Achtergrondtaken',
    intro:
      'Klik doet sommig werk op de achtergrond: herinneringen, verlopen verzoeken en het versturen van mail. Een taak die blijft mislukken stopt na haar pogingen en staat hier, met de laatste fout.',
    queued: 'In de wachtrij',
    running: 'Bezig',
    done: 'Klaar',
    failed: 'Mislukt',
    emptyFailed: 'Er zijn geen mislukte taken.',
    kind: 'Soort',
    attempts: 'Pogingen',
    lastError: 'Laatste fout',
    created: 'Aangemaakt',
    lastTried: 'Laatst geprobeerd',
    retry: 'Opnieuw proberen',
    retryLabel: 'Taak {{kind}} opnieuw proberen',
    retried: 'De taak staat weer in de wachtrij.',
    kinds: {
      mail_deliver: 'Mail versturen',
      request_remind: 'Herinnering bij een verzoek',
      request_expire: 'Verzoek laten verlopen',
    },
  },
  /** Delivery of a mail over SMTP, on the outbox page. */
  mailDelivery: {
    pending: 'Wordt verstuurd',
    sent: 'Verstuurd',
    failed: 'Niet verstuurd',
    error_one: 'Na {{count}} poging: {{error}}',
    error_other: 'Na {{count}} pogingen: {{error}}',
  },
};
