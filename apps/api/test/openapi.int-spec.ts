/** The served OpenAPI document (first checks; the complete set is still to be written, see the report). */
import { startApp, type TestApp } from './harness';

let t: TestApp;
beforeAll(async () => {
  t = await startApp();
});
afterAll(() => t.close());

type Operation = { operationId?: string; parameters?: { in: string; schema?: { format?: string } }[] };

it('gives every operation a unique readable operationId and uuid path parameters', async () => {
  const res = await t.http().get('/api/docs-json').expect(200);
  const operations = Object.values(res.body.paths as Record<string, Record<string, Operation>>).flatMap((item) =>
    Object.values(item),
  );
  const ids = operations.map((o) => o.operationId ?? '');
  expect(ids.filter((id) => !/^[a-z][A-Za-z]+$/.test(id))).toEqual([]);
  expect(new Set(ids).size).toBe(ids.length);
  const pathParams = operations.flatMap((o) => (o.parameters ?? []).filter((p) => p.in === 'path'));
  expect(pathParams.filter((p) => p.schema?.format !== 'uuid')).toEqual([]);
  expect(res.body.components.schemas.ErrorResponse).toBeDefined();
  expect(res.body.components.schemas.Localized).toBeDefined();
});
