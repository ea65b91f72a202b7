// Public routes: a tenant signs up, an invitee joins.
import { send } from './transport.ts';
import type { OrgUnit, TenantLevel } from './types.ts';

export interface SignUpInput {
  tenant: {
    name: string;
    slug: string;
    level: TenantLevel;
    region_name: string;
    area_code?: string;
  };
  admin: { email: string; display_name: string; password: string };
}

export interface SignUpResult {
  tenant: { id: string; slug: string; name: string };
  admin: { id: string; email: string; display_name: string };
  root_unit: OrgUnit;
}

export const signUp = (input: SignUpInput) => send<SignUpResult>('/v1/signup', { json: input });

export interface AcceptInvitationInput {
  token: string;
  display_name: string;
  password: string;
}

export interface AcceptedInvitation {
  user: { id: string; email: string; display_name: string };
  tenant: { id: string; slug: string; name: string };
}

export const acceptInvitation = (input: AcceptInvitationInput) =>
  send<AcceptedInvitation>('/v1/invitations/accept', { json: input });
