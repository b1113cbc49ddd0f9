import { z } from 'zod';

export const ProgrammeParams = z.object({ programmeId: z.uuid() });

export const Sponsor = z.object({
  personId: z.string(),
  name: z.string(),
  jobTitle: z.string().nullable(),
  /** Whether the sponsor has an active enrolment in the programme. */
  takesPart: z.boolean(),
});

export const ShownLeader = z.object({
  personId: z.string(),
  name: z.string(),
  jobTitle: z.string().nullable(),
  role: z.enum(['mentor', 'mentee', 'both']),
  /** The leader's own line on why they take part. */
  line: z.string(),
  /** A mentee (or both) in a reverse programme: "our directors learn too", listed first. */
  learnsToo: z.boolean(),
});
export type ShownLeader = z.infer<typeof ShownLeader>;

export const ProgrammeLeaders = z.object({
  sponsors: z.array(Sponsor),
  /** Only leaders who consented, reverse-programme mentees first. */
  leaders: z.array(ShownLeader),
});
export type ProgrammeLeaders = z.infer<typeof ProgrammeLeaders>;

export const SetSponsorsRequest = z.object({
  personIds: z.array(z.uuid()).max(10),
});
export type SetSponsorsRequest = z.infer<typeof SetSponsorsRequest>;

export const MyLeadership = z.object({
  /** Whether the caller is a leader (sponsor, manager of managers, marked as leadership). */
  isLeader: z.boolean(),
  /** Whether the caller has an active enrolment in the programme. */
  enrolled: z.boolean(),
  /** Whether they are shown on the programme page and in invitations. */
  shown: z.boolean(),
  line: z.string(),
});
export type MyLeadership = z.infer<typeof MyLeadership>;

export const MyLeadershipRequest = z.object({
  shown: z.boolean(),
  line: z.string().trim().max(280),
});
export type MyLeadershipRequest = z.infer<typeof MyLeadershipRequest>;

export const InvitationStatus = z.object({
  /** People invited so far. */
  invited: z.number().int(),
  /** People of the audience who are neither enrolled nor invited: an invitation would reach them. */
  notYetInvited: z.number().int(),
});

export const InvitationsSent = z.object({ invited: z.number().int() });
