/** Dutch texts for what the outbox shows of headers and attachments, spread into nl.ts. */
export const outboxMailNl = {
  outboxMail: {
    headers: 'Extra kopregels',
    attachments: 'Bijlagen',
    download: '{{name}} downloaden',
    invitation: 'agenda-uitnodiging ({{method}})',
  },
} as const;
