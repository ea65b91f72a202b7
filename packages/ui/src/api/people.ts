import { authed } from '../session/session.ts';
import { allPages } from './paging.ts';
import { newIdempotencyKey } from './transport.ts';
import type {
  CreatedInvitation,
  Grant,
  Invitation,
  InvitationStatus,
  Page,
  Person,
} from './types.ts';

export const listPeople = (status: 'active' | 'removed' | 'all') =>
  allPages((cursor) =>
    authed<Page<Person>>('/v1/people', { query: { status, cursor, limit: 200 } }),
  );

export const setGrants = (person: Person, grants: Grant[]) =>
  authed<Person>(`/v1/people/${encodeURIComponent(person.id)}/grants`, {
    method: 'PUT',
    json: { grants },
    ifMatch: person.etag,
  });

export const removePerson = (person: Person) =>
  authed<void>(`/v1/people/${encodeURIComponent(person.id)}`, {
    method: 'DELETE',
    ifMatch: person.etag,
  });

export interface NewInvitation extends Grant {
  email: string;
  expires_in_days?: number;
}

export const createInvitation = (input: NewInvitation) =>
  authed<CreatedInvitation>('/v1/invitations', {
    json: input,
    idempotencyKey: newIdempotencyKey(),
  });

export const listInvitations = (status: InvitationStatus | 'all') =>
  allPages((cursor) =>
    authed<Page<Invitation>>('/v1/invitations', { query: { status, cursor, limit: 200 } }),
  );

export const revokeInvitation = (invitation: Invitation) =>
  authed<void>(`/v1/invitations/${encodeURIComponent(invitation.id)}`, { method: 'DELETE' });
