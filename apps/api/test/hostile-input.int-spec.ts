/**
 * Hostile input: for every operation of the served OpenAPI document, malformed requests derived
 * from the document itself — bad ids in the path, wrong query values, bodies that are not objects,
 * malformed or deeply nested JSON, missing, unknown, `null` and wrongly typed fields, strings
 * longer than their limit, invalid dates and enum values, wrong content types, bodies over 1 MB.
 * Each must answer a 4xx in the contract's shape (a catalogue code with its own status), never a
 * 5xx, and the database must be exactly as it was before the first of them.
 *
 * The requests start from the authorization matrix's valid request for each operation (sent as
 * the organiser, who may call every operation), so each case differs from a request that would
 * succeed only in what it breaks.
 */
import { createHash } from 'node:crypto';
import { ERROR_CATALOGUE, FIELD_ERROR_CODES, isErrorCode } from '@ilr/shared';
import { DatabaseService } from '../src/database/database.service';
import {
  buildFixture,
  documentedOperations,
  HTTP_MATRIX,
  sendCall,
  type HttpCall,
  type MatrixFixture,
} from './access-matrix';
import { startApp, type TestApp } from './harness';
import { startFakeLiveKit, type FakeLiveKit } from './live-support';
import { closeClients } from './realtime-harness';
import { multipartBody, type FormPart } from './uploads';

type Schema = {
  $ref?: string;
  allOf?: Schema[];
  type?: string;
  format?: string;
  enum?: unknown[];
  nullable?: boolean;
  maxLength?: number;
  maxItems?: number;
  minimum?: number;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
};
type Parameter = { name: string; in: string; required?: boolean; schema?: Schema };
type Operation = {
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema?: Schema }> };
};
type Doc = { paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, Schema> } };

/** One hostile request and what it must get: a 4xx (`'4xx'`), or at least no 5xx (`'no5xx'`). */
interface Case {
  what: string;
  call: HttpCall;
  raw?: { body: string | Buffer; contentType: string };
  expect: '4xx' | 'no5xx';
}

/** The valid body's JSON with one more key whose value is the given JSON text. */
const withKey = (valid: object, key: string, json: string) => {
  const text = JSON.stringify(valid);
  return `${text.slice(0, -1)}${text === '{}' ? '' : ','}"${key}":${json}}`;
};
const deepArray = (levels: number) => '['.repeat(levels) + ']'.repeat(levels);
const deepObject = (levels: number) => '{"a":'.repeat(levels) + '1' + '}'.repeat(levels);
const BAD_IDS = ['not-a-uuid', '1', '00000000-0000-0000-0000-00000000000g', 'x'.repeat(5000), '%00', '..%2F..%2Fetc'];

/** A schema with `$ref` and single-entry `allOf` resolved (siblings kept). */
function resolve(doc: Doc, schema: Schema | undefined): Schema {
  if (!schema) return {};
  if (schema.$ref) return resolve(doc, doc.components.schemas[schema.$ref.split('/').pop()!]);
  if (schema.allOf?.length === 1) {
    const { allOf, ...rest } = schema;
    return { ...resolve(doc, allOf[0]), ...rest };
  }
  return schema;
}

/** Values of the wrong type for a property of this schema. */
function wrongTypes(schema: Schema): unknown[] {
  switch (schema.type) {
    case 'string':
      return [12345, true, {}, ['a']];
    case 'integer':
    case 'number':
      return ['12', true, {}, [1]];
    case 'boolean':
      return ['true', 1, {}];
    case 'array':
      return ['a', 1, { 0: 'a' }];
    case 'object':
      return ['a', 1, ['a']];
    default:
      return schema.enum ? [12345, {}] : [];
  }
}

/** Invalid values of the right type: bad dates, uuids, enum members, too long, too many. */
function badValues(schema: Schema): unknown[] {
  const values: unknown[] = [];
  if (schema.format === 'date-time') values.push('2026-13-45T25:61:00Z', 'tomorrow', '');
  if (schema.format === 'uuid') values.push('not-a-uuid', '');
  if (schema.enum) values.push('not-a-member', '');
  if (schema.type === 'string' && schema.maxLength) values.push('x'.repeat(schema.maxLength + 1));
  if (schema.type === 'string' && !schema.enum && !schema.format) values.push('字'.repeat(200_000));
  if (schema.type === 'array' && schema.maxItems)
    values.push(Array.from({ length: schema.maxItems + 1 }, (_, i) => `v${i}`));
  if ((schema.type === 'integer' || schema.type === 'number') && schema.minimum !== undefined)
    values.push(schema.minimum - 1);
  if (schema.type === 'object') values.push({ unknownLanguage: 'x' });
  return values;
}

function queryCases(op: Operation, doc: Doc, call: HttpCall): Case[] {
  const cases: Case[] = [];
  for (const param of op.parameters ?? []) {
    if (param.in !== 'query') continue;
    const schema = resolve(doc, param.schema);
    const at = (value: string, expect: Case['expect'], what: string): Case => ({
      what: `query ${param.name} ${what}`,
      call: { ...call, query: { ...call.query, [param.name]: value } },
      expect,
    });
    if (schema.type === 'integer' || schema.type === 'number') {
      cases.push(at('abc', '4xx', 'not a number'), at('1.5e400', '4xx', 'overflows'), at('-1', '4xx', 'negative'));
    }
    if (schema.enum) cases.push(at('not-a-member', '4xx', 'not in the enum'));
    if (schema.format === 'date-time') cases.push(at('yesterday', '4xx', 'not a date'));
    if (schema.maxLength) cases.push(at('x'.repeat(schema.maxLength + 1), '4xx', 'too long'));
    cases.push(at('\u0000\uFFFF%', 'no5xx', 'with control characters'));
    // Repeated: `?name=a&name=b` arrives as an array.
    const sep = call.path.includes('?') ? '&' : '?';
    cases.push({
      what: `query ${param.name} repeated`,
      call: { ...call, path: `${call.path}${sep}${param.name}=1&${param.name}=2` },
      expect: 'no5xx',
    });
  }
  return cases;
}

function pathCases(template: string, call: HttpCall): Case[] {
  // Replace each path parameter in turn, keeping the others from the valid request.
  const names = [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
  const validParts = call.path.split('/');
  const templateParts = template.split('/');
  return names.flatMap((name) =>
    BAD_IDS.map((bad) => {
      const parts = templateParts.map((part, i) => (part === `{${name}}` ? bad : validParts[i]));
      return { what: `path ${name} = ${bad.slice(0, 20)}`, call: { ...call, path: parts.join('/') }, expect: '4xx' };
    }),
  );
}

function jsonBodyCases(schema: Schema, doc: Doc, call: HttpCall): Case[] {
  const valid = (call.body ?? {}) as Record<string, unknown>;
  const json = (body: unknown, what: string, expect: Case['expect'] = '4xx'): Case => ({
    what: `body ${what}`,
    call,
    raw: { body: JSON.stringify(body), contentType: 'application/json' },
    expect,
  });
  const raw = (body: string | Buffer, contentType: string, what: string): Case => ({
    what: `body ${what}`,
    call,
    raw: { body, contentType },
    expect: '4xx',
  });
  const cases: Case[] = [
    json(null, 'null'),
    json([], 'an array'),
    json([valid], 'an array holding the valid body'),
    json('text', 'a string'),
    json(42, 'a number'),
    json(true, 'a boolean'),
    json({ ...valid, unknownField: 1 }, 'with an unknown field'),
    raw(withKey(valid, '__proto__', '{"role":"organiser"}'), 'application/json', 'with __proto__'),
    raw(withKey(valid, 'constructor', '{"prototype":{"polluted":true}}'), 'application/json', 'with constructor'),
    raw('{"a":', 'application/json', 'malformed JSON'),
    raw('{"a":1}{"b":2}', 'application/json', 'two JSON documents'),
    raw(deepArray(10_000), 'application/json', 'arrays nested 10,000 deep'),
    raw(deepObject(10_000), 'application/json', 'objects nested 10,000 deep'),
    raw(`{"x":${deepArray(40)}}`, 'application/json', 'a field nested 40 deep'),
    raw(JSON.stringify(valid), 'text/plain', 'as text/plain'),
    raw(JSON.stringify(valid), 'application/xml', 'as application/xml'),
    raw(Buffer.from([0xff, 0xfe, 0x00, 0x7b]), 'application/json', 'not UTF-8'),
    raw(JSON.stringify({ ...valid, padding: 'x'.repeat(2 * 1024 * 1024) }), 'application/json', 'over 1 MB'),
  ];
  const properties = schema.properties ?? {};
  for (const name of schema.required ?? []) {
    const rest = { ...valid };
    delete rest[name];
    cases.push(json(rest, `without required ${name}`));
  }
  for (const [name, propertySchema] of Object.entries(properties)) {
    const prop = resolve(doc, propertySchema);
    // null: refused unless the field is documented as clearable (then it may succeed).
    cases.push(json({ ...valid, [name]: null }, `${name}: null`, prop.nullable ? 'no5xx' : '4xx'));
    for (const value of wrongTypes(prop)) cases.push(json({ ...valid, [name]: value }, `${name}: ${typeof value}`));
    for (const value of badValues(prop)) {
      const shown = typeof value === 'string' ? value.slice(0, 12) : JSON.stringify(value)?.slice(0, 12);
      cases.push(json({ ...valid, [name]: value }, `${name}: ${shown}`));
    }
    cases.push({
      what: `body ${name}: nested 10,000 deep`,
      call,
      raw: {
        body: `${JSON.stringify({ ...valid, [name]: 0 }).slice(0, -1)},"${name}":${deepArray(10_000)}}`,
        contentType: 'application/json',
      },
      expect: '4xx',
    });
  }
  return cases;
}

/** Bodies that are not JSON objects (CSV import, signed webhook, uploads): garbage, wrong type, too big. */
function rawBodyCases(contentType: string, call: HttpCall): Case[] {
  const raw = (body: string | Buffer, type: string, what: string): Case => ({
    what: `${contentType} body ${what}`,
    call,
    raw: { body, contentType: type },
    expect: '4xx',
  });
  return [
    raw('', contentType, 'empty'),
    raw(Buffer.from([0x00, 0xff, 0x13, 0x37, 0x00]), contentType, 'binary garbage'),
    raw(deepArray(10_000), contentType, 'nested 10,000 deep'),
    raw('x'.repeat(2 * 1024 * 1024), contentType, 'over 1 MB'),
    raw(String(call.body ?? ''), 'application/xml', 'sent as application/xml'),
  ];
}

/**
 * Forms that are not the one file an upload takes: no file, the file under another name or as a
 * text field, two files, extra fields, content that is no accepted type (empty, garbage, HTML
 * dressed as the declared type, a truncated image, an executable with a path in its name), and
 * forms that are cut off or malformed. None may store anything.
 */
function multipartCases(call: HttpCall): Case[] {
  const file = call.multipart?.find((part) => part.filename !== undefined);
  if (!file) throw new Error(`${call.path}: the valid request of a multipart operation sends no file`);
  const content = Buffer.isBuffer(file.content) ? file.content : Buffer.from(file.content);
  const form = (what: string, parts: FormPart[], change: (body: Buffer) => Buffer = (body) => body): Case => {
    const { body, contentType } = multipartBody(parts);
    return { what: `multipart ${what}`, call, raw: { body: change(body), contentType }, expect: '4xx' };
  };
  const field = (name: string, value: string): FormPart => ({ name, content: value });
  return [
    form('with no part at all', []),
    form('without the file', [field('title', 'brochure')]),
    form('with the file under another name', [{ ...file, name: 'upload' }]),
    form('with the file as a text field', [field(file.name, content.toString('latin1'))]),
    form('with two files', [file, file]),
    form('with a field before the file', [field('title', 'x'), file]),
    form('with a field after the file', [file, field('title', 'x')]),
    form('with an empty file', [{ ...file, content: Buffer.alloc(0) }]),
    form('with binary garbage', [{ ...file, content: Buffer.from([0x00, 0xff, 0x13, 0x37, 0x00]) }]),
    form('with HTML declared as the file type', [{ ...file, content: '<html><script>alert(1)</script></html>' }]),
    form('with a truncated file', [{ ...file, content: content.subarray(0, Math.floor(content.length / 2)) }]),
    form('with an executable named ../../etc/passwd', [
      { ...file, filename: '../../etc/passwd', content: Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0]) },
    ]),
    form('cut off before the closing boundary', [file], (body) => body.subarray(0, body.length - 12)),
    form('with a malformed part header', [file], (body) =>
      Buffer.from(body.toString('latin1').replace('Content-Disposition:', 'Content-Disposition'), 'latin1'),
    ),
    form('with an oversized part header', [file], (body) =>
      Buffer.from(
        body.toString('latin1').replace('\r\n\r\n', `\r\nX-Padding: ${'x'.repeat(100_000)}\r\n\r\n`),
        'latin1',
      ),
    ),
    {
      what: 'multipart with an empty boundary',
      call,
      raw: { body: multipartBody([file]).body, contentType: 'multipart/form-data; boundary=' },
      expect: '4xx',
    },
  ];
}

/** Every table's row count and a digest of its rows, in a stable order. */
async function snapshot(db: DatabaseService): Promise<Record<string, string>> {
  const result: Record<string, string> = {};
  for (const meta of db.dataSource.entityMetadatas) {
    const rows: Record<string, unknown>[] = await db.dataSource.query(`SELECT * FROM ${meta.tableName}`);
    const lines = rows.map((r) => JSON.stringify(r, Object.keys(r).sort())).sort();
    result[meta.tableName] = `${rows.length} rows ${createHash('sha256').update(lines.join('\n')).digest('hex')}`;
  }
  return result;
}

describe('hostile input', () => {
  let t: TestApp;
  let livekit: FakeLiveKit;
  let f: MatrixFixture;
  let doc: Doc;
  beforeAll(async () => {
    livekit = await startFakeLiveKit();
    t = await startApp(livekit.env());
    f = await buildFixture(t, livekit);
    doc = (await t.http().get('/api/docs-json').expect(200)).body as Doc;
  });
  afterAll(async () => {
    closeClients();
    await t.close();
    await livekit.close();
  });

  it('refuses null for fields that cannot be cleared and clears the documented clearable ones', async () => {
    const organiser = f.callers.organiser;
    const patch = (path: string, body: object) => t.http().patch(path).set(organiser.auth).send(body);
    const refusals: [string, object, string][] = [
      ['/api/me', { displayName: null }, 'displayName'],
      ['/api/me', { locale: null }, 'locale'],
      ['/api/me', { timeZone: null }, 'timeZone'],
      [`/api/companies/${f.companyA.id}`, { name: null }, 'name'],
      [`/api/companies/${f.companyA.id}`, { country: null }, 'country'],
      [`/api/companies/${f.companyA.id}`, { offers: null }, 'offers'],
      [`/api/events/${f.event.id}`, { title: null }, 'title'],
      [`/api/events/${f.event.id}`, { startsAt: null }, 'startsAt'],
      [`/api/events/${f.event.id}`, { format: null }, 'format'],
      [`/api/sessions/${f.session.id}`, { title: null }, 'title'],
    ];
    for (const [path, body, field] of refusals) {
      const res = await patch(path, body).expect(400);
      expect(res.body.error.details.fieldErrors[field]).toEqual({ code: 'notNull' });
    }
    const event = await patch(`/api/events/${f.event.id}`, { venue: null, description: null }).expect(200);
    expect([event.body.venue, event.body.description]).toEqual([null, null]);
    const company = await patch(`/api/companies/${f.companyA.id}`, { website: null }).expect(200);
    expect(company.body.website).toBeNull();
    expect(company.body.name).toEqual(f.companyA.name);
  });

  // Thousands of requests over every operation: minutes on a busy machine with MySQL.
  it('answers every malformed request with a 4xx in the contract shape and changes nothing', async () => {
    const operations = documentedOperations(doc);
    expect(operations.filter((op) => !HTTP_MATRIX[op])).toEqual([]);

    // Every valid request first (their builders may create what they act on), then the snapshot.
    const plans: { operation: string; method: string; cases: Case[] }[] = [];
    for (const operation of operations) {
      const [method, template] = operation.split(' ');
      const op = doc.paths[template][method.toLowerCase()];
      const call = await HTTP_MATRIX[operation].validRequest(f, 'organiser');
      const cases = [...pathCases(template, call), ...queryCases(op, doc, call)];
      const content = op.requestBody?.content ?? {};
      if (content['application/json'] && !call.sign) {
        cases.push(...jsonBodyCases(resolve(doc, content['application/json'].schema), doc, call));
      }
      for (const type of Object.keys(content).filter((type) => type !== 'application/json' || call.sign)) {
        cases.push(...rawBodyCases(type, call));
        if (type === 'multipart/form-data') cases.push(...multipartCases(call));
      }
      plans.push({ operation, method, cases });
    }
    const db = t.app.get(DatabaseService);
    const before = await snapshot(db);

    const wrong: string[] = [];
    let sent = 0;
    const run = async (which: Case['expect']) => {
      for (const { operation, method, cases } of plans) {
        for (const c of cases.filter((x) => x.expect === which)) {
          // A signed webhook signs whatever body it carries, so only its content is hostile.
          const headers = c.raw && c.call.sign ? await c.call.sign(c.raw.body.toString()) : c.call.headers;
          const res = await sendCall(t, method, { ...c.call, headers }, f.callers.organiser, c.raw);
          sent++;
          const problem = checkResponse(res.status, res.body, c.expect);
          if (problem) wrong.push(`${operation} — ${c.what}: ${problem}`);
        }
      }
    };
    // The refused requests must leave every table exactly as it was.
    await run('4xx');
    expect(await snapshot(db)).toEqual(before);
    // Then the odd but possibly valid ones (clearing a clearable field, odd query text): no 5xx.
    await run('no5xx');
    console.log(`hostile input: ${sent} malformed requests over ${plans.length} operations`);
    expect(wrong).toEqual([]);
  }, 240_000);
});

/** Null when the response is what the case must get; otherwise what is wrong with it. */
function checkResponse(status: number, body: unknown, expect: Case['expect']): string | null {
  if (status >= 500) return `${status} ${JSON.stringify(body).slice(0, 200)}`;
  if (status < 400) return expect === '4xx' ? `accepted with ${status}` : null;
  const error = (body as { error?: { code?: unknown; message?: unknown; details?: { fieldErrors?: object } } })?.error;
  if (!error || !isErrorCode(error.code) || typeof error.message !== 'string') {
    return `${status} not in the error shape: ${JSON.stringify(body).slice(0, 200)}`;
  }
  if (ERROR_CATALOGUE[error.code] !== status)
    return `${status} with ${error.code}, whose status is ${ERROR_CATALOGUE[error.code]}`;
  for (const fieldError of Object.values(error.details?.fieldErrors ?? {}) as { code: unknown }[]) {
    if (!(FIELD_ERROR_CODES as readonly unknown[]).includes(fieldError.code))
      return `unknown field code ${String(fieldError.code)}`;
  }
  return null;
}
