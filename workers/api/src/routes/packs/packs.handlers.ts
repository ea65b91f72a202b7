import { serviceContext } from '../../lib/context.ts';
import { formatETag, requireIfMatch } from '../../lib/etag.ts';
import type { Handler as H } from '../../lib/types.ts';
import { listCatalog } from '../../services/packs/catalog.ts';
import { deletePackDraft } from '../../services/packs/delete-draft.ts';
import { derivePackDraft } from '../../services/packs/derive.ts';
import { diffPackVersions } from '../../services/packs/diff.ts';
import { importPackDraft } from '../../services/packs/import.ts';
import { lintPackBody, lintPackVersion } from '../../services/packs/lint.ts';
import { publishPackDraft } from '../../services/packs/publish.ts';
import { presentVisible, readPackVersion } from '../../services/packs/read.ts';
import { previewScore } from '../../services/packs/score-preview.ts';
import { updatePackDraft } from '../../services/packs/update-draft.ts';
import type {
  deletePackDraftRoute,
  derivePackRoute,
  diffPackVersionsRoute,
  getPackVersionRoute,
  importPackRoute,
  lintPackBodyRoute,
  lintPackVersionRoute,
  listPacksRoute,
  publishPackDraftRoute,
  scorePreviewRoute,
  updatePackDraftRoute,
} from './packs.routes.ts';

const withETag = (rowVersion: number | null): Record<string, string> =>
  rowVersion === null ? {} : { ETag: formatETag(rowVersion) };

const versionPath = (key: string, version: string) =>
  `/v1/packs/${encodeURIComponent(key)}/versions/${encodeURIComponent(version)}`;

export const listPacks: H<typeof listPacksRoute> = async (c) => {
  const catalog = await listCatalog({ ctx: serviceContext(c), input: c.req.valid('query') });
  return c.json(catalog, 200);
};

export const getPackVersion: H<typeof getPackVersionRoute> = async (c) => {
  const { detail, rowVersion } = await readPackVersion({
    ctx: serviceContext(c),
    input: c.req.valid('param'),
  });
  return c.json(detail, 200, withETag(rowVersion));
};

export const diffVersions: H<typeof diffPackVersionsRoute> = async (c) => {
  const diff = await diffPackVersions({
    ctx: serviceContext(c),
    input: { from: c.req.valid('param'), to: c.req.valid('query').to },
  });
  return c.json(diff, 200);
};

export const lintVersion: H<typeof lintPackVersionRoute> = async (c) => {
  const result = await lintPackVersion({ ctx: serviceContext(c), input: c.req.valid('param') });
  return c.json(result, 200);
};

export const lintBody: H<typeof lintPackBodyRoute> = async (c) => {
  const result = await lintPackBody({ ctx: serviceContext(c), input: c.req.valid('json') });
  return c.json(result, 200);
};

export const scorePreview: H<typeof scorePreviewRoute> = async (c) => {
  const card = await previewScore({
    ctx: serviceContext(c),
    input: { ...c.req.valid('json'), ref: c.req.valid('param') },
  });
  return c.json(card, 200);
};

export const importPack: H<typeof importPackRoute> = async (c) => {
  const ctx = serviceContext(c);
  const draft = await importPackDraft({ ctx, input: c.req.valid('json') });
  const { detail, rowVersion } = await presentVisible(ctx, draft);
  return c.json(detail, 201, {
    ...withETag(rowVersion),
    Location: versionPath(detail.key, detail.version),
  });
};

export const derive: H<typeof derivePackRoute> = async (c) => {
  const ctx = serviceContext(c);
  const body = c.req.valid('json');
  const draft = await derivePackDraft({
    ctx,
    input: { parent: c.req.valid('param'), version: body.version, overrides: body.overrides },
  });
  const { detail, rowVersion } = await presentVisible(ctx, draft);
  return c.json(detail, 201, {
    ...withETag(rowVersion),
    Location: versionPath(detail.key, detail.version),
  });
};

export const updateDraft: H<typeof updatePackDraftRoute> = async (c) => {
  const ctx = serviceContext(c);
  const draft = await updatePackDraft({
    ctx,
    input: {
      ref: c.req.valid('param'),
      overrides: c.req.valid('json').overrides,
      expectedVersion: requireIfMatch(c),
    },
  });
  const { detail, rowVersion } = await presentVisible(ctx, draft);
  return c.json(detail, 200, withETag(rowVersion));
};

export const publish: H<typeof publishPackDraftRoute> = async (c) => {
  const ctx = serviceContext(c);
  const published = await publishPackDraft({
    ctx,
    input: { ref: c.req.valid('param'), expectedVersion: requireIfMatch(c) },
  });
  const { detail, rowVersion } = await presentVisible(ctx, published);
  return c.json(detail, 200, withETag(rowVersion));
};

export const deleteDraft: H<typeof deletePackDraftRoute> = async (c) => {
  await deletePackDraft({
    ctx: serviceContext(c),
    input: { ref: c.req.valid('param'), expectedVersion: requireIfMatch(c) },
  });
  return c.body(null, 204);
};
