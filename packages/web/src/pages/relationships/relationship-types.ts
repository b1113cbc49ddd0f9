import type { paths } from '../../api/schema';

type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;

export type RelationshipSpace = Json<paths['/api/relationships/{id}']['get']['responses'][200]>;
export type SpaceParticipant = RelationshipSpace['participants'][number];
export type Conversation = Json<paths['/api/relationships/{id}/messages']['get']['responses'][200]>;
export type ConversationItem = Conversation['items'][number];

/** The relationship page's queries all start with ['relationship', id], so sections can refresh it. */
export const relationshipKeys = {
  all: (id: string) => ['relationship', id] as const,
  space: (id: string) => ['relationship', id, 'space'] as const,
  messages: (id: string) => ['relationship', id, 'messages'] as const,
};
