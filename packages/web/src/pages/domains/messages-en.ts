import type { Translation } from '../../i18n/translation';
import type { domainsNl } from './messages-nl';

/** English texts of the email-domain sections; same keys as messages-nl.ts (the compiler checks). */
export const domainsEn: Pick<Translation, keyof typeof domainsNl> = {
  domains: {
    title: 'Email domains',
    intro:
      'People can only be added with an address under a verified domain of your organisation. Verify a domain with a TXT record in its DNS, or have the platform administrator approve it.',
    empty: 'There are no domains yet. Add the domain of your email addresses.',
    domain: 'Domain',
    domainHint: 'For example example.com',
    add: 'Add domain',
    added: '{{domain}} has been added. Publish the TXT record, then verify it.',
    verifiedByDns: 'Verified through DNS',
    verifiedByAdmin: 'Approved by the platform administrator',
    pending: 'Not verified yet',
    recordIntro: 'Add this TXT record to the DNS of {{domain}}, then click Verify.',
    recordType: 'Type',
    recordName: 'Name',
    recordValue: 'Value',
    copy: 'Copy {{what}}',
    copied: 'Copied',
    verify: 'Verify',
    verifiedNow: '{{domain}} has been verified.',
    askAdmin:
      'No access to the DNS? The platform administrator can approve the domain as well; the request is already waiting.',
    remove: 'Remove',
    removeLabel: 'Remove {{domain}}',
    removeTitle: 'Remove {{domain}}?',
    removeText:
      'You can then no longer add people with an address under {{domain}}. People already added keep their address.',
    removed: '{{domain}} has been removed.',
    pendingTitle: 'Domains waiting for approval',
    pendingIntro:
      'Only approve a domain when you are sure it belongs to that organisation, for instance after contacting their IT department.',
    pendingEmpty: 'No domains are waiting for approval.',
    organisation: 'Organisation',
    requested: 'Requested',
    approve: 'Approve',
    approveLabel: 'Approve {{domain}} for {{organisation}}',
    approved: '{{domain}} has been approved for {{organisation}}.',
    reject: 'Reject',
    rejectLabel: 'Reject {{domain}} for {{organisation}}',
    rejectTitle: 'Reject {{domain}}?',
    rejectText:
      'The request of {{organisation}} is removed. The organisation can add the domain again.',
    rejected: 'The request for {{domain}} has been rejected.',
    verifiedElsewhere: 'Already verified for {{organisation}}',
  },
};
