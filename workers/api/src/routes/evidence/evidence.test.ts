import { env, exports } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  freshCycle,
  pdfBytes,
  saveInputs,
  step,
  submissionOf,
  upload,
  uploadForm,
} from '../../../test/campaign.ts';
import { createTestTenant, databaseFingerprint, type TestTenant } from '../../../test/factories.ts';
import { call, callJson, type Problem } from '../../../test/http.ts';
import { gzFullEmploymentInputs } from '../../seed/invented-inputs.ts';
import { MAX_EVIDENCE_BYTES } from '../../services/evidence/file-types.ts';

/**
 * Evidence files go to R2 through the API: checked by their bytes, scanned for personal data,
 * listed, downloaded by those who may, deleted while the submission is a draft. Refused files
 * (too large, the wrong type) leave nothing behind: not a row, not an object.
 */

let t: TestTenant;
let submissionId: string;

interface Evidence {
  id: string;
  filename: string;
  content_type: string;
  size: number;
  sha256: string;
  item_id: string | null;
  personal_data: { flagged: boolean; kinds: string[]; warning: { zh: string; en: string } | null };
  download_path: string;
}

beforeAll(async () => {
  t = await createTestTenant();
  const cycle = await freshCycle(t, { units: [{ org_unit_id: t.units.village.id }] });
  submissionId = (await submissionOf(t, cycle.id, t.units.village.id)).id;
});

function fileForm(bytes: Uint8Array, filename: string, type = 'application/octet-stream') {
  const form = new FormData();
  form.append('file', new File([bytes], filename, { type }));
  return form;
}

async function objects(): Promise<string[]> {
  const listed = await env.EVIDENCE.list({ prefix: `evidence/${t.id}/` });
  return listed.objects.map((o) => o.key).sort();
}

async function deflate(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes]).stream().pipeThrough(new CompressionStream('deflate'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** A PDF whose content stream is FlateDecode-compressed, as word processors write them. */
async function compressedPdf(text: string): Promise<Uint8Array> {
  const content = new TextEncoder().encode(
    `BT /F1 12 Tf 72 720 Td [(${text.slice(0, 5)}) -20 (${text.slice(5)})] TJ ET`,
  );
  const packed = await deflate(content);
  const head = new TextEncoder().encode(
    `%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n4 0 obj << /Length ${packed.length} /Filter /FlateDecode >>\nstream\n`,
  );
  const tail = new TextEncoder().encode('\nendstream\nendobj\n%%EOF\n');
  const out = new Uint8Array(head.length + packed.length + tail.length);
  out.set(head);
  out.set(packed, head.length);
  out.set(tail, head.length + packed.length);
  return out;
}

/** A ZIP of stored (uncompressed) entries: enough for an Office file's parts. */
function storedZip(entries: Record<string, string>): Uint8Array {
  const enc = new TextEncoder();
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(entries)) {
    const n = enc.encode(name);
    const data = enc.encode(text);
    const local = new Uint8Array(30 + n.length + data.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    lv.setUint16(4, 20, true);
    lv.setUint32(18, data.length, true);
    lv.setUint32(22, data.length, true);
    lv.setUint16(26, n.length, true);
    local.set(n, 30);
    local.set(data, 30 + n.length);
    const central = new Uint8Array(46 + n.length);
    const cv = new DataView(central.buffer);
    cv.setUint32(0, 0x02014b50, true);
    cv.setUint32(20, data.length, true);
    cv.setUint32(24, data.length, true);
    cv.setUint16(28, n.length, true);
    cv.setUint32(42, offset, true);
    central.set(n, 46);
    locals.push(local);
    centrals.push(central);
    offset += local.length;
  }
  const centralSize = centrals.reduce((s, c) => s + c.length, 0);
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, centrals.length, true);
  ev.setUint16(10, centrals.length, true);
  ev.setUint32(12, centralSize, true);
  ev.setUint32(16, offset, true);
  const parts = [...locals, ...centrals, end];
  const out = new Uint8Array(parts.reduce((s, p) => s + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

const DOCX_TYPES =
  '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>';
/** A resident ID number with a valid check digit (invented). */
const ID_NUMBER = '44011119900101001X';

async function accepted(res: Response): Promise<Evidence> {
  const text = await res.text();
  expect(res.status, text).toBe(201);
  return JSON.parse(text) as Evidence;
}

describe('evidence uploads', () => {
  it('a PDF ledger for an item: stored in R2, listed, downloaded as it was', async () => {
    const bytes = pdfBytes('2024 ledger: 43 of 48 re-employed');
    const file = await accepted(
      await upload(submissionId, t.tokens.reporter, uploadForm(bytes, '登记失业台账.pdf', '一.1')),
    );
    expect(file).toMatchObject({
      filename: '登记失业台账.pdf',
      content_type: 'application/pdf',
      size: bytes.length,
      item_id: '一.1',
      personal_data: { flagged: false, kinds: [], warning: null },
    });
    const digest = await crypto.subtle.digest('SHA-256', bytes);
    expect(file.sha256).toBe(
      [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join(''),
    );
    const list = await callJson<{ items: Evidence[] }>(`/v1/submissions/${submissionId}/evidence`, {
      token: t.tokens.viewer,
    });
    expect(list.items.map((e) => e.id)).toContain(file.id);
    const download = await call(file.download_path, { token: t.tokens.reviewer });
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('application/pdf');
    expect(download.headers.get('content-disposition')).toContain(
      `filename*=UTF-8''${encodeURIComponent('登记失业台账.pdf')}`,
    );
    expect(new Uint8Array(await download.arrayBuffer())).toEqual(bytes);
    // A client that only reads scores gets no evidence.
    const reader = await call(file.download_path, { token: t.clients.readerClient.token });
    expect(reader.status).toBe(403);
  });

  it('text with ID-card and mobile numbers is kept but flagged, with a warning in zh and en', async () => {
    const text = `走访记录\n张某 身份证 ${ID_NUMBER} 电话 13912345678\n`;
    const file = await accepted(
      await upload(
        submissionId,
        t.tokens.reporter,
        fileForm(new TextEncoder().encode(text), '走访记录.txt'),
      ),
    );
    expect(file.content_type).toBe('text/plain; charset=utf-8');
    expect(file.personal_data.flagged).toBe(true);
    expect(file.personal_data.kinds).toEqual(['id_card', 'mobile']);
    expect(file.personal_data.warning!.zh).toContain('请勿包含个人信息');
  });

  it('a PDF whose text is in a compressed stream, split by kerning, is scanned too', async () => {
    const file = await accepted(
      await upload(
        submissionId,
        t.tokens.reporter,
        fileForm(await compressedPdf('Tel. 13800138000'), 'scan.pdf'),
      ),
    );
    expect(file.personal_data.kinds).toEqual(['mobile']);
  });

  it('a Word document carrying an ID number in two runs is flagged; a clean one is not', async () => {
    const doc = (body: string) =>
      storedZip({
        '[Content_Types].xml': DOCX_TYPES,
        'word/document.xml': `<w:document><w:body><w:p>${body}</w:p></w:body></w:document>`,
      });
    const flagged = await accepted(
      await upload(
        submissionId,
        t.tokens.reporter,
        fileForm(
          doc(
            `<w:r><w:t>${ID_NUMBER.slice(0, 9)}</w:t></w:r><w:r><w:t>${ID_NUMBER.slice(9)}</w:t></w:r>`,
          ),
          '名单.docx',
        ),
      ),
    );
    expect(flagged.content_type).toContain('wordprocessingml');
    expect(flagged.personal_data.kinds).toEqual(['id_card']);
    const clean = await accepted(
      await upload(
        submissionId,
        t.tokens.reporter,
        fileForm(doc('<w:r><w:t>共走访 120 户</w:t></w:r>'), '小结.docx'),
      ),
    );
    expect(clean.personal_data.flagged).toBe(false);
  });

  it('a photo is accepted as an image', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    const file = await accepted(
      await upload(submissionId, t.tokens.reporter, fileForm(png, '服务窗口.PNG')),
    );
    expect(file.content_type).toBe('image/png');
  });
});

describe('refused uploads leave nothing behind', () => {
  async function refusedUpload(form: FormData, status: number, token = t.tokens.reporter) {
    const rowsBefore = await databaseFingerprint();
    const filesBefore = await objects();
    const res = await upload(submissionId, token, form);
    const text = await res.text();
    expect(res.status, text).toBe(status);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(await databaseFingerprint()).toEqual(rowsBefore);
    expect(await objects()).toEqual(filesBefore);
    return JSON.parse(text) as Problem;
  }

  it('an executable named .pdf: 415', async () => {
    const exe = new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00]);
    const problem = await refusedUpload(fileForm(exe, '台账.pdf', 'application/pdf'), 415);
    expect(problem.detail_zh).toContain('.pdf');
  });

  it('a PDF named .png, and a ZIP named .docx: 415', async () => {
    await refusedUpload(fileForm(pdfBytes('x'), 'photo.png'), 415);
    await refusedUpload(fileForm(storedZip({ 'a.txt': 'hello' }), '报告.docx'), 415);
  });

  it('a file one byte over the limit: 413', async () => {
    const big = new Uint8Array(MAX_EVIDENCE_BYTES + 1);
    big.set(new TextEncoder().encode('%PDF-1.4\n'));
    const problem = await refusedUpload(fileForm(big, 'big.pdf'), 413);
    expect(problem.detail_zh).toContain('10 MB');
  });

  it('a body over the upload limit is cut off while it streams: 413', async () => {
    const rowsBefore = await databaseFingerprint();
    const res = await exports.default.fetch(
      `http://kaoping.test/v1/submissions/${submissionId}/evidence`,
      {
        method: 'POST',
        headers: {
          authorization: `Bearer ${t.tokens.reporter}`,
          'content-type': 'multipart/form-data; boundary=x',
          'content-length': String(12 * 1024 * 1024),
        },
        body: new Uint8Array(12 * 1024 * 1024),
      },
    );
    expect(res.status).toBe(413);
    expect(await databaseFingerprint()).toEqual(rowsBefore);
  });

  it('an item the pack does not have: 400; a viewer: 403', async () => {
    const problem = await refusedUpload(uploadForm(pdfBytes('x'), 'a.pdf', '九.9'), 400);
    expect(problem.errors?.[0]?.path).toBe('body.item_id');
    await refusedUpload(uploadForm(pdfBytes('x'), 'a.pdf'), 403, t.tokens.viewer);
  });

  it('JSON sent to the upload route: 415', async () => {
    const res = await call(`/v1/submissions/${submissionId}/evidence`, {
      token: t.tokens.reporter,
      body: { file: 'not a file' },
    });
    expect(res.status).toBe(415);
  });
});

describe('deleting evidence', () => {
  it('while the submission is a draft: gone from the list and from R2; after submission: 409', async () => {
    const cycle = await freshCycle(t, { units: [{ org_unit_id: t.units.village.id }] });
    const s = await submissionOf(t, cycle.id, t.units.village.id);
    const file = await accepted(
      await upload(s.id, t.tokens.reporter, uploadForm(pdfBytes('a'), 'a.pdf')),
    );
    const kept = await accepted(
      await upload(s.id, t.tokens.reporter, uploadForm(pdfBytes('b'), 'b.pdf')),
    );
    const res = await call(`/v1/evidence/${file.id}`, {
      method: 'DELETE',
      token: t.tokens.reporter,
    });
    expect(res.status).toBe(204);
    expect((await objects()).some((k) => k.endsWith(file.id))).toBe(false);
    expect((await call(file.download_path, { token: t.tokens.admin })).status).toBe(404);

    await saveInputs(s.id, t.tokens.reporter, gzFullEmploymentInputs('甲村', 'village', 0.5));
    await step(s.id, t.tokens.reporter, { action: 'submit' });
    const late = await call(`/v1/evidence/${kept.id}`, {
      method: 'DELETE',
      token: t.tokens.reporter,
    });
    expect(late.status).toBe(409);
    const reviewerTry = await call(`/v1/evidence/${kept.id}`, {
      method: 'DELETE',
      token: t.tokens.reviewer,
    });
    expect(reviewerTry.status).toBe(403);
  });
});
