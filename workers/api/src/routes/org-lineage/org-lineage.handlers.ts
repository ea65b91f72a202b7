import { serviceContext } from '../../lib/context.ts';
import type { Handler as H } from '../../lib/types.ts';
import { readLineage } from '../../services/org-lineage/lineage.ts';
import { recordOrgChange } from '../../services/org-lineage/record-change.ts';
import type { lineageRoute, recordChangeRoute } from './org-lineage.routes.ts';

export const recordChangeHandler: H<typeof recordChangeRoute> = async (c) =>
  c.json(await recordOrgChange({ ctx: serviceContext(c), input: c.req.valid('json') }), 201);

export const lineageHandler: H<typeof lineageRoute> = async (c) =>
  c.json(await readLineage({ ctx: serviceContext(c), input: c.req.valid('param') }), 200);
