import { z } from 'zod';

export const StoryParams = z.object({ storyId: z.uuid() });
export const ProgrammeStoryParams = z.object({ programmeId: z.uuid() });

export const StoryStatus = z.enum([
  'draft',
  'submitted',
  'changes_requested',
  'published',
  'declined',
  'withdrawn',
]);
export const StoryAudience = z
  .enum(['programme', 'organisation'])
  .describe(
    "programme: the programme's participants, managers and sponsors; organisation: everyone in the organisation",
  );
export const MentionState = z.enum(['pending', 'approved', 'declined']);

const Title = z.string().trim().max(200);
const Body = z.string().trim().max(2000);

const Fields = z.object({
  titleNl: Title.describe('The title in Dutch (empty: not written in Dutch)'),
  titleEn: Title.describe('The title in English (empty: not written in English)'),
  bodyNl: Body.describe('The story in Dutch'),
  bodyEn: Body.describe('The story in English'),
  audience: StoryAudience,
  mentionIds: z
    .array(z.uuid())
    .max(20)
    .describe(
      'People the story names: the other sides of your mentoring relationships in the programme; each is asked to approve',
    ),
  photoAlt: z
    .string()
    .trim()
    .max(300)
    .nullable()
    .describe('The alt text of the photo (required while there is a photo)'),
});

export const CreateStoryRequest = Fields.partial().extend({
  programmeId: z.uuid(),
});
export type CreateStoryRequest = z.infer<typeof CreateStoryRequest>;

/** What is sent changes; what is left out stays as it was. */
export const UpdateStoryRequest = Fields.partial();
export type UpdateStoryRequest = z.infer<typeof UpdateStoryRequest>;

export const StoryPhotoRequest = z.object({
  data: z
    .string()
    .min(1)
    .max(14_000_000)
    .describe('The image (JPEG, PNG, WebP, GIF, HEIC), base64; a data: URL prefix is allowed'),
  alt: z.string().trim().min(1).max(300).describe('What the photo shows, for who cannot see it'),
});
export type StoryPhotoRequest = z.infer<typeof StoryPhotoRequest>;

export const ReviewStoryRequest = z.object({
  decision: z.enum(['approve', 'request_changes', 'decline']),
  message: z
    .string()
    .trim()
    .max(2000)
    .optional()
    .describe('To the author; required when asking for a change or declining'),
});
export type ReviewStoryRequest = z.infer<typeof ReviewStoryRequest>;

export const MentionAnswerRequest = z.object({
  approve: z.boolean().describe('true: I agree to be named in this story'),
});

export const FeedQuery = z.object({
  limit: z.coerce.number().int().min(1).max(50).default(10),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

export const StoryMention = z.object({
  personId: z.string(),
  name: z.string(),
  state: MentionState,
});

export const Story = z.object({
  id: z.string(),
  programmeId: z.string(),
  programmeName: z.string(),
  author: z.object({ id: z.string(), name: z.string(), jobTitle: z.string().nullable() }),
  titleNl: z.string(),
  titleEn: z.string(),
  bodyNl: z.string(),
  bodyEn: z.string(),
  hasPhoto: z.boolean(),
  photoAlt: z.string().nullable(),
  audience: StoryAudience,
  status: StoryStatus,
  reviewMessage: z.string().nullable().describe("The manager's message (author and managers only)"),
  mentions: z
    .array(StoryMention)
    .describe('Everyone named for the author, managers and the named; approved ones for others'),
  isMine: z.boolean(),
  myMention: MentionState.nullable().describe('Whether the caller is named, and their answer'),
  submittedAt: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  publishedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Story = z.infer<typeof Story>;

export const StoryList = z.object({ items: z.array(Story) });
export const StoryPage = z.object({ items: z.array(Story), total: z.number().int() });

export const ProgrammeStories = z.object({
  items: z.array(Story),
  canWrite: z.boolean().describe('The caller takes part in the programme'),
  waitingForReview: z
    .number()
    .int()
    .nullable()
    .describe('Stories waiting for approval (managers; null for others)'),
});

export const StoryOptions = z.object({
  programmes: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      otherSides: z
        .array(z.object({ personId: z.string(), name: z.string() }))
        .describe('Whom a story in this programme may name'),
    }),
  ),
});
