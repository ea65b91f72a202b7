import { serviceContext } from '../../lib/context.ts';
import { formatETag, requireIfMatch } from '../../lib/etag.ts';
import { AppError } from '../../lib/problem.ts';
import type { Handler as H } from '../../lib/types.ts';
import { archiveOrgUnit } from '../../services/org-units/archive.ts';
import { createOrgUnit } from '../../services/org-units/create.ts';
import { importOrgUnits } from '../../services/org-units/import.ts';
import { listOrgUnits } from '../../services/org-units/list.ts';
import { moveOrgUnit } from '../../services/org-units/move.ts';
import { presentOrgUnit } from '../../services/org-units/present.ts';
import { readOrgUnit } from '../../services/org-units/read.ts';
import { updateOrgUnit } from '../../services/org-units/update.ts';
import type {
  archiveOrgUnitRoute,
  createOrgUnitRoute,
  getOrgUnitRoute,
  importOrgUnitsRoute,
  listOrgUnitsRoute,
  moveOrgUnitRoute,
  updateOrgUnitRoute,
} from './org-units.routes.ts';

const withETag = (rowVersion: number) => ({ ETag: formatETag(rowVersion) });

export const createUnit: H<typeof createOrgUnitRoute> = async (c) => {
  const unit = await createOrgUnit({ ctx: serviceContext(c), input: c.req.valid('json') });
  return c.json(presentOrgUnit(unit), 201, {
    ...withETag(unit.rowVersion),
    Location: `/v1/org-units/${unit.id}`,
  });
};

export const listUnits: H<typeof listOrgUnitsRoute> = async (c) => {
  const page = await listOrgUnits({ ctx: serviceContext(c), input: c.req.valid('query') });
  return c.json({ items: page.items.map(presentOrgUnit), next_cursor: page.next_cursor }, 200);
};

export const getUnit: H<typeof getOrgUnitRoute> = async (c) => {
  const unit = await readOrgUnit({ ctx: serviceContext(c), input: c.req.valid('param') });
  return c.json(presentOrgUnit(unit), 200, withETag(unit.rowVersion));
};

export const updateUnit: H<typeof updateOrgUnitRoute> = async (c) => {
  const unit = await updateOrgUnit({
    ctx: serviceContext(c),
    input: {
      ...c.req.valid('json'),
      unitId: c.req.valid('param').unitId,
      expectedVersion: requireIfMatch(c),
    },
  });
  return c.json(presentOrgUnit(unit), 200, withETag(unit.rowVersion));
};

export const moveUnit: H<typeof moveOrgUnitRoute> = async (c) => {
  const unit = await moveOrgUnit({
    ctx: serviceContext(c),
    input: {
      parent_id: c.req.valid('json').parent_id,
      unitId: c.req.valid('param').unitId,
      expectedVersion: requireIfMatch(c),
    },
  });
  return c.json(presentOrgUnit(unit), 200, withETag(unit.rowVersion));
};

export const archiveUnit: H<typeof archiveOrgUnitRoute> = async (c) => {
  const unit = await archiveOrgUnit({
    ctx: serviceContext(c),
    input: { unitId: c.req.valid('param').unitId, expectedVersion: requireIfMatch(c) },
  });
  return c.json(presentOrgUnit(unit), 200, withETag(unit.rowVersion));
};

export const importUnits: H<typeof importOrgUnitsRoute> = async (c) => {
  const type = c.req.header('content-type') ?? '';
  if (!/^text\/csv(\s*;.*)?$/i.test(type.trim())) {
    throw new AppError('unsupported_media_type', {
      zh: '导入文件应以 text/csv 发送',
      en: 'Send the import as text/csv',
    });
  }
  const bytes = new Uint8Array(await c.req.arrayBuffer());
  let csv: string;
  try {
    csv = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new AppError(
      'validation',
      {
        zh: '文件不是 UTF-8 编码（请另存为“CSV UTF-8”）',
        en: 'The file is not UTF-8 (save as “CSV UTF-8”)',
      },
      {
        errors: [
          { path: 'body', code: 'encoding', message: 'not UTF-8', message_zh: '不是 UTF-8' },
        ],
      },
    );
  }
  const result = await importOrgUnits({ ctx: serviceContext(c), input: { csv } });
  return c.json(result, 200);
};
