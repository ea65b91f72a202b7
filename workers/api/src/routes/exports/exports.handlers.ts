import { serviceContext } from '../../lib/context.ts';
import type { Handler as H } from '../../lib/types.ts';
import { exportCycle } from '../../services/exports/cycle-export.ts';
import type { exportCycleRoute } from './exports.routes.ts';

/** RFC 6266: an ASCII fallback and the UTF-8 name (Chinese file names survive). */
function contentDisposition(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

export const exportCycleHandler: H<typeof exportCycleRoute> = async (c) => {
  const q = c.req.valid('query');
  const file = await exportCycle({
    ctx: serviceContext(c),
    input: {
      cycleId: c.req.valid('param').cycleId,
      orgUnitId: q.org_unit_id,
      format: q.format,
      layout: q.layout,
    },
  });
  return new Response(file.body, {
    status: 200,
    headers: {
      'content-type': file.contentType,
      'content-disposition': contentDisposition(file.filename),
      'cache-control': 'private, no-store',
      'x-content-type-options': 'nosniff',
      'x-export-units': String(file.units),
    },
  }) as never;
};
