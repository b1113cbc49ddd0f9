import type { paths } from '../../api/schema';

type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;

export type RequestDetail = Json<paths['/api/requests/{id}']['get']['responses'][200]>;
export type RequestListItem = Json<
  paths['/api/requests']['get']['responses'][200]
>['items'][number];
export type RequestStatus = RequestDetail['status'];
export type Box = 'inbox' | 'outbox';
