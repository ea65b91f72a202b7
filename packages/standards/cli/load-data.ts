import type { CycleUnit } from '../src/engine.ts';
import type { Input, Pack } from '../src/pack-schema.ts';
import type { Assessment } from '../src/rules/rule-context.ts';
import { type UnitKind, unitKinds } from '../src/unit-kind.ts';
import { CsvError, csvRecords } from './csv.ts';
import { CliError, type CliIo } from './io.ts';

// Inputs, parameters, assessments and reference values from JSON or CSV files.
//
// Inputs: a JSON object is one unit's inputs; a JSON array (or { "units": [...] }) lists units
// as { id, unitKind?, inputs, assessments?, references? }. A CSV has one unit per row, the
// header naming input ids, plus the optional columns `unitId` and `unitKind`; an empty cell is
// a value not given (never 0). Parameters: a JSON object, or a CSV with a header of parameter
// ids and one row. Assessments: JSON { key: { points, reason, … } } (one unit) or
// { unitId: { key: … } }; or a CSV with columns unitId?, key, points, reason, by?, at?, stage?.

const UNIT_ID = 'unitId';
const UNIT_KIND = 'unitKind';

function read(io: CliIo, path: string, what: { zh: string; en: string }): string {
  try {
    return io.readFile(path);
  } catch {
    throw new CliError(`无法读取${what.zh}文件 ${path}`, `cannot read the ${what.en} file ${path}`);
  }
}

function readJson(io: CliIo, path: string, what: { zh: string; en: string }): unknown {
  const text = read(io, path, what);
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new CliError(
      `${what.zh}文件 ${path} 不是有效的 JSON：${(error as Error).message}`,
      `the ${what.en} file ${path} is not valid JSON: ${(error as Error).message}`,
    );
  }
}

function readCsv(io: CliIo, path: string, what: { zh: string; en: string }) {
  try {
    return csvRecords(read(io, path, what));
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    throw new CliError(
      `${what.zh}文件 ${path}：${error.message}`,
      `the ${what.en} file ${path}: ${error.message}`,
    );
  }
}

const isCsv = (path: string) => path.toLowerCase().endsWith('.csv');
const isRecord = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x);

const TRUE = new Set(['true', '1', 'yes', 'y', '是', '有', 't']);
const FALSE = new Set(['false', '0', 'no', 'n', '否', '无', 'f']);

/** A CSV cell as the input's kind expects; unparseable cells stay text (the engine reports them). */
export function cellValue(input: Input, cell: string): unknown {
  const text = cell.trim();
  switch (input.kind) {
    case 'count':
    case 'number':
    case 'percent': {
      const n = Number(text.replace(/%$/, ''));
      return text !== '' && Number.isFinite(n) ? n : text;
    }
    case 'boolean': {
      const lower = text.toLowerCase();
      if (TRUE.has(lower)) return true;
      if (FALSE.has(lower)) return false;
      return text;
    }
    case 'evidence':
      return text.includes(';')
        ? text
            .split(';')
            .map((s) => s.trim())
            .filter((s) => s !== '')
        : text;
    default:
      return text;
  }
}

function unitKind(value: unknown, where: string): UnitKind | undefined {
  if (value === undefined || value === '') return undefined;
  if (typeof value === 'string' && (unitKinds as readonly string[]).includes(value))
    return value as UnitKind;
  throw new CliError(
    `${where}：单位类型 ${String(value)} 无效（可用：${unitKinds.join('、')}）`,
    `${where}: unit kind ${String(value)} is not one of ${unitKinds.join(', ')}`,
  );
}

export interface LoadedUnits {
  /** True when the file held one unit's inputs as an object: print one scorecard, not a list. */
  readonly single: boolean;
  readonly units: CycleUnit[];
}

export function loadUnits(io: CliIo, pack: Pack, path: string): LoadedUnits {
  const what = { zh: '输入数据', en: 'inputs' };
  if (isCsv(path)) {
    const { header, records } = readCsv(io, path, what);
    const inputs = new Map(pack.inputs.map((i) => [i.id, i]));
    const unknown = header.filter((h) => !inputs.has(h) && h !== UNIT_ID && h !== UNIT_KIND);
    if (unknown.length > 0) {
      throw new CliError(
        `${path}：本标准没有这些输入项：${unknown.join('、')}`,
        `${path}: the pack has no inputs named ${unknown.join(', ')}`,
      );
    }
    const width = String(records.length).length;
    const units = records.map((record, r) => {
      const values: Record<string, unknown> = {};
      for (const [column, cell] of Object.entries(record)) {
        const input = inputs.get(column);
        if (!input || cell.trim() === '') continue;
        values[column] = cellValue(input, cell);
      }
      const id = record[UNIT_ID]?.trim() || `row-${String(r + 1).padStart(width, '0')}`;
      const kind = unitKind(record[UNIT_KIND]?.trim(), `${path} row ${r + 2}`);
      return { id, inputs: values, ...(kind ? { unitKind: kind } : {}) };
    });
    return { single: false, units };
  }
  const data = readJson(io, path, what);
  const list = Array.isArray(data)
    ? data
    : isRecord(data) && Array.isArray(data.units)
      ? data.units
      : null;
  if (!list) {
    if (!isRecord(data))
      throw new CliError(`${path} 应为对象或数组`, `${path} must hold an object or an array`);
    return { single: true, units: [{ id: 'self', inputs: data }] };
  }
  const units = list.map((entry, i) => {
    const where = `${path} [${i}]`;
    if (!isRecord(entry) || typeof entry.id !== 'string' || !isRecord(entry.inputs)) {
      throw new CliError(
        `${where} 应为 { id, unitKind?, inputs, assessments?, references? }`,
        `${where} must be { id, unitKind?, inputs, assessments?, references? }`,
      );
    }
    const kind = unitKind(entry.unitKind, where);
    return {
      id: entry.id,
      inputs: entry.inputs,
      ...(kind ? { unitKind: kind } : {}),
      ...(isRecord(entry.assessments)
        ? { assessments: entry.assessments as Record<string, Assessment> }
        : {}),
      ...(isRecord(entry.references)
        ? { references: entry.references as Record<string, number> }
        : {}),
    };
  });
  return { single: false, units };
}

export function loadParameters(io: CliIo, path: string): Record<string, unknown> {
  const what = { zh: '参数', en: 'parameters' };
  if (!isCsv(path)) {
    const data = readJson(io, path, what);
    if (!isRecord(data)) throw new CliError(`${path} 应为对象`, `${path} must hold an object`);
    return data;
  }
  const { records } = readCsv(io, path, what);
  if (records.length !== 1) {
    throw new CliError(`${path} 应只有一行参数值`, `${path} must have exactly one row of values`);
  }
  const out: Record<string, unknown> = {};
  for (const [id, cell] of Object.entries(records[0] as Record<string, string>)) {
    const text = cell.trim();
    if (text === '') continue;
    const n = Number(text);
    out[id] = text === 'true' ? true : text === 'false' ? false : Number.isFinite(n) ? n : text;
  }
  return out;
}

/** Assessments per unit id ('' = the only unit). */
export function loadAssessments(io: CliIo, path: string): Map<string, Record<string, Assessment>> {
  const what = { zh: '评估', en: 'assessments' };
  const byUnit = new Map<string, Record<string, Assessment>>();
  const put = (unit: string, key: string, assessment: Assessment) => {
    const own = byUnit.get(unit) ?? {};
    own[key] = assessment;
    byUnit.set(unit, own);
  };
  if (isCsv(path)) {
    const { records } = readCsv(io, path, what);
    for (const [r, record] of records.entries()) {
      const key = record.key?.trim();
      const points = Number(record.points);
      if (
        !key ||
        record.points === undefined ||
        record.points.trim() === '' ||
        !Number.isFinite(points)
      ) {
        throw new CliError(
          `${path} 第${r + 2}行须有 key 与数值 points`,
          `${path} row ${r + 2} needs a key and numeric points`,
        );
      }
      const assessment: Assessment = {
        points,
        reason: record.reason ?? '',
        ...(record.by ? { by: record.by } : {}),
        ...(record.at ? { at: record.at } : {}),
        ...(record.stage ? { stage: record.stage } : {}),
      };
      put(record.unitId?.trim() ?? '', key, assessment);
    }
    return byUnit;
  }
  const data = readJson(io, path, what);
  if (!isRecord(data)) throw new CliError(`${path} 应为对象`, `${path} must hold an object`);
  const values = Object.values(data);
  const flat = values.every((v) => isRecord(v) && 'points' in v);
  if (flat) byUnit.set('', data as Record<string, Assessment>);
  else
    for (const [unit, own] of Object.entries(data))
      if (isRecord(own)) byUnit.set(unit, own as Record<string, Assessment>);
  return byUnit;
}

export function loadReferences(io: CliIo, path: string): Record<string, number> {
  const data = readJson(io, path, { zh: '参照值', en: 'references' });
  if (!isRecord(data)) throw new CliError(`${path} 应为对象`, `${path} must hold an object`);
  return data as Record<string, number>;
}
