import { signUp } from './factories';
import { startApp, type TestApp } from './harness';

describe('API conventions', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startApp();
  });
  afterAll(() => t.close());

  it('reports health with a real database check', async () => {
    const res = await t.http().get('/api/health').expect(200);
    expect(res.body).toEqual({ status: 'ok', db: 'up' });
  });

  it('serves Swagger UI and an OpenAPI 3 document generated from the code', async () => {
    await t.http().get('/api/docs').expect(200).expect('content-type', /html/);
    const res = await t.http().get('/api/docs-json').expect(200);
    expect(res.body.openapi).toMatch(/^3\./);
    for (const path of [
      '/api/auth/register',
      '/api/auth/login',
      '/api/me',
      '/api/companies',
      '/api/companies/{id}',
      '/api/sectors',
    ]) {
      expect(Object.keys(res.body.paths)).toContain(path);
    }
  });

  it('gives every response a request id and echoes a safe one', async () => {
    const own = await t.http().get('/api/sectors').set('X-Request-Id', 'trace-123').expect(200);
    expect(own.headers['x-request-id']).toBe('trace-123');
    const unsafe = await t.http().get('/api/sectors').set('X-Request-Id', 'bad id <script>').expect(200);
    expect(unsafe.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers unknown API routes with NOT_FOUND in the contract shape', async () => {
    const res = await t.http().get('/api/no-such-thing').expect(404);
    expect(res.body.error).toMatchObject({ code: 'NOT_FOUND' });
    expect(typeof res.body.error.message).toBe('string');
    expect(res.body.error.requestId).toBe(res.headers['x-request-id']);
  });

  it('rejects malformed JSON, non-object bodies and unknown fields with VALIDATION_FAILED', async () => {
    const malformed = await t
      .http()
      .post('/api/auth/login')
      .set('Content-Type', 'application/json')
      .send('{"email":')
      .expect(400);
    expect(malformed.body.error.code).toBe('VALIDATION_FAILED');

    for (const body of ['[1,2]', '"text"', '42', 'null']) {
      const res = await t.http().post('/api/auth/register').set('Content-Type', 'application/json').send(body);
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION_FAILED');
    }

    const unknown = await t
      .http()
      .post('/api/auth/register')
      .send({ email: 'a@b.co', password: 'long enough password', displayName: 'A', isAdmin: true })
      .expect(400);
    expect(unknown.body.error.details.fields).toEqual({ isAdmin: 'is not an allowed field' });
  });

  it('rejects a body over 1 MB with PAYLOAD_TOO_LARGE', async () => {
    const res = await t
      .http()
      .post('/api/auth/register')
      .send({ email: 'a@b.co', password: 'x'.repeat(1024 * 1024 + 10), displayName: 'A' })
      .expect(413);
    expect(res.body.error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('lists sectors publicly and countries to signed-in callers, with labels in three languages', async () => {
    const sectors = await t.http().get('/api/sectors').expect(200);
    expect(sectors.body.length).toBeGreaterThan(10);
    for (const s of sectors.body) expect(Object.keys(s.label).sort()).toEqual(['en', 'ko', 'zh']);
    await t.http().get('/api/countries').expect(401);
    const member = await signUp(t);
    const countries = await t.http().get('/api/countries').set(member.auth).expect(200);
    expect(countries.body.slice(0, 2).map((c: { code: string }) => c.code)).toEqual(['KR', 'CN']);
    expect(countries.body[0].label).toEqual({ zh: '韩国', ko: '대한민국', en: 'South Korea' });
  });
});
