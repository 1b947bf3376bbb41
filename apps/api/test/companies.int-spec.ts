import { DataSource } from 'typeorm';
import { companyInput, createCompany, signUp, userWithRole } from './factories';
import { startApp, type TestApp } from './harness';

describe('companies', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startApp();
  });
  afterAll(() => t.close());

  it('lets a member create a trilingual company and join it', async () => {
    const member = await signUp(t);
    const input = companyInput({
      name: { zh: '韩源新零售', ko: '한원 뉴리테일', en: 'Hanyuan New Retail' },
      description: { ko: '주말 창고 🛒', zh: '周末仓库 🛒' },
      website: 'https://hanyuan.example',
    });
    const res = await t.http().post('/api/companies').set(member.auth).send(input).expect(201);
    expect(res.body).toMatchObject({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      name: input.name,
      country: 'KR',
      sector: 'retail',
      offers: input.offers,
      needs: input.needs,
      description: input.description,
      website: 'https://hanyuan.example',
      memberCount: 1,
    });
    expect(res.body.createdAt).toMatch(/Z$/);
    const me = await t.http().get('/api/me').set(member.auth).expect(200);
    expect(me.body.companyId).toBe(res.body.id);

    const again = await t.http().post('/api/companies').set(member.auth).send(companyInput()).expect(409);
    expect(again.body.error.code).toBe('COMPANY_MEMBERSHIP_EXISTS');
  });

  it('round-trips Korean, Chinese and emoji byte-exact through the database', async () => {
    const member = await signUp(t);
    const name = {
      zh: '青岛众瑞智能仪器有限公司 🚄',
      ko: '칭다오 중루이 스마트계측 😀',
      en: 'Zhongrui 𝒮mart Instruments',
    };
    const offers = ['한국 센서 🤝', '环境监测仪器'];
    const created = await createCompany(t, member, { name, offers });
    const fetched = await t.http().get(`/api/companies/${created.id}`).set(member.auth).expect(200);
    expect(fetched.body.name).toEqual(name);
    expect(fetched.body.offers).toEqual(offers);
    for (const text of [...Object.values(name), ...offers]) {
      expect(Buffer.from(JSON.stringify(fetched.body)).includes(Buffer.from(text, 'utf8'))).toBe(true);
    }
    // And straight from the database, not through our own serialisation.
    const [row] = await t.app.get(DataSource).query('SELECT name FROM companies WHERE id = ?', [created.id]);
    expect(JSON.parse(row.name)).toEqual(name);
  });

  it('lets promoters and organisers create companies without joining them', async () => {
    const promoter = await userWithRole(t, 'promoter');
    const company = await createCompany(t, promoter);
    expect(company.memberCount).toBe(0);
    const me = await t.http().get('/api/me').set(promoter.auth).expect(200);
    expect(me.body.companyId).toBeNull();
  });

  it('gives one company to a member who submits twice at once', async () => {
    const member = await signUp(t);
    const results = await Promise.all(
      Array.from({ length: 5 }, () => t.http().post('/api/companies').set(member.auth).send(companyInput())),
    );
    expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409]);
    const me = await t.http().get('/api/me').set(member.auth).expect(200);
    expect(me.body.companyId).toBe(results.find((r) => r.status === 201)!.body.id);
  });

  it('validates every company field and rejects unknown sectors and countries', async () => {
    const member = await signUp(t);
    const res = await t
      .http()
      .post('/api/companies')
      .set(member.auth)
      .send({
        name: { fr: 'Société' },
        country: 'XX',
        sector: 'alchemy',
        offers: 'everything',
        needs: [''],
        website: 'ftp://x',
        extra: 1,
      })
      .expect(400);
    expect(Object.keys(res.body.error.details.fields).sort()).toEqual([
      'country',
      'extra',
      'name',
      'needs',
      'offers',
      'sector',
      'website',
    ]);
    const empty = await t
      .http()
      .post('/api/companies')
      .set(member.auth)
      .send({ ...companyInput(), name: { en: '  ' } })
      .expect(400);
    expect(empty.body.error.details.fields).toHaveProperty('name');
    const huge = await t
      .http()
      .post('/api/companies')
      .set(member.auth)
      .send({ ...companyInput(), name: { en: 'x'.repeat(201) } })
      .expect(400);
    expect(huge.body.error.details.fields).toHaveProperty('name');
  });

  it('searches by text in any language, filters by country and sector, and paginates', async () => {
    const promoter = await userWithRole(t, 'promoter');
    const tag = `zq${Date.now().toString(36)}`;
    const made = [];
    for (let i = 0; i < 7; i++) {
      made.push(
        await createCompany(t, promoter, {
          name: { en: `${tag} firm ${i}`, zh: `${tag}企业${i}` },
          country: i % 2 ? 'CN' : 'KR',
          sector: i < 3 ? 'logistics' : 'food',
        }),
      );
    }
    const all = await t
      .http()
      .get('/api/companies')
      .query({ q: tag.toUpperCase(), pageSize: 3 })
      .set(promoter.auth)
      .expect(200);
    expect(all.body).toMatchObject({ total: 7, page: 1, pageSize: 3 });
    expect(all.body.items.map((c: { id: string }) => c.id)).toEqual(made.slice(0, 3).map((c) => c.id));
    const third = await t
      .http()
      .get('/api/companies')
      .query({ q: tag, pageSize: 3, page: 3 })
      .set(promoter.auth)
      .expect(200);
    expect(third.body.items.map((c: { id: string }) => c.id)).toEqual([made[6].id]);

    const kr = await t
      .http()
      .get('/api/companies')
      .query({ q: tag, country: 'KR', sector: 'food' })
      .set(promoter.auth)
      .expect(200);
    expect(kr.body.items.map((c: { id: string }) => c.id)).toEqual([made[4].id, made[6].id]);

    const chinese = await t
      .http()
      .get('/api/companies')
      .query({ q: `${tag}企业5` })
      .set(promoter.auth)
      .expect(200);
    expect(chinese.body.items.map((c: { id: string }) => c.id)).toEqual([made[5].id]);

    const wildcard = await t.http().get('/api/companies').query({ q: '%' }).set(promoter.auth).expect(200);
    expect(wildcard.body.total).toBe(0);
  });

  it('caps pageSize at 100 and rejects pages that are not positive integers', async () => {
    const member = await signUp(t);
    const capped = await t.http().get('/api/companies').query({ pageSize: 500 }).set(member.auth).expect(200);
    expect(capped.body.pageSize).toBe(100);
    for (const bad of [
      { page: 0 },
      { page: -1 },
      { page: 1.5 },
      { pageSize: 'ten' },
      { page: '' },
      { country: 'XX' },
      { sector: 'nope' },
    ]) {
      const res = await t.http().get('/api/companies').query(bad).set(member.auth);
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION_FAILED');
      expect(Object.keys(res.body.error.details.fields)).toEqual(Object.keys(bad));
    }
    const dup = await t.http().get('/api/companies?page=1&page=2').set(member.auth).expect(400);
    expect(dup.body.error.details.fields).toHaveProperty('page');
  });

  it('needs a token to read companies', async () => {
    await t.http().get('/api/companies').expect(401);
  });

  it('lets only members of the company, promoters and organisers edit it', async () => {
    const owner = await signUp(t);
    const outsider = await signUp(t);
    const promoter = await userWithRole(t, 'promoter');
    const company = await createCompany(t, owner);
    const denied = await t
      .http()
      .patch(`/api/companies/${company.id}`)
      .set(outsider.auth)
      .send({ needs: ['x'] })
      .expect(403);
    expect(denied.body.error.code).toBe('FORBIDDEN');
    const edited = await t
      .http()
      .patch(`/api/companies/${company.id}`)
      .set(owner.auth)
      .send({ needs: ['사무실 공간'], name: { ko: '새 이름' } })
      .expect(200);
    expect(edited.body).toMatchObject({ needs: ['사무실 공간'], name: { ko: '새 이름' } });
    await t.http().patch(`/api/companies/${company.id}`).set(promoter.auth).send({ sector: 'food' }).expect(200);
    const found = await t.http().get('/api/companies').query({ q: '새 이름' }).set(outsider.auth).expect(200);
    expect(found.body.items.map((c: { id: string }) => c.id)).toEqual([company.id]);
    await t.http().patch(`/api/companies/${company.id}`).set(owner.auth).send({ sector: 'nope' }).expect(400);
    await t.http().get('/api/companies/not-a-uuid').set(owner.auth).expect(400);
    await t.http().get('/api/companies/00000000-0000-4000-8000-00000000abcd').set(owner.auth).expect(404);
  });

  describe('CSV import', () => {
    const header =
      'name_zh,name_ko,name_en,country,sector,offers,needs,description_zh,description_ko,description_en,website';

    it('imports every row of a good file', async () => {
      const promoter = await userWithRole(t, 'promoter');
      const csv = [
        header,
        '韩星化妆品,한성코스메틱,Hansung Cosmetics,KR,cosmetics,skincare;OEM,distributors,,,,https://hansung.example',
        '"胶州湾冷链物流, 青岛",,Jiaozhou Bay Cold Chain,CN,logistics,cold chain,"food clients;cosmetics clients",冷链,,,',
      ].join('\r\n');
      const res = await t
        .http()
        .post('/api/companies/import')
        .set(promoter.auth)
        .set('Content-Type', 'text/csv')
        .send(csv)
        .expect(201);
      expect(res.body.imported).toBe(2);
      expect(res.body.items[1]).toMatchObject({
        name: { zh: '胶州湾冷链物流, 青岛', en: 'Jiaozhou Bay Cold Chain' },
        needs: ['food clients', 'cosmetics clients'],
        description: { zh: '冷链' },
      });
    });

    it('imports nothing when any row is bad, and names each bad row and reason', async () => {
      const promoter = await userWithRole(t, 'promoter');
      const marker = `csvmark${Date.now()}`;
      const csv = [
        header,
        `${marker}一,,,KR,retail,a,b,,,,`,
        `${marker}二,,,ZZ,retail,a,b,,,,`,
        `,,,CN,retail,a,b,,,,`,
        `${marker}三,,,CN,spaceflight,a,b,,,,`,
      ].join('\n');
      const res = await t
        .http()
        .post('/api/companies/import')
        .set(promoter.auth)
        .set('Content-Type', 'text/csv')
        .send(csv)
        .expect(400);
      expect(res.body.error.code).toBe('VALIDATION_FAILED');
      expect(res.body.error.details.rows.map((r: { row: number }) => r.row)).toEqual([3, 4, 5]);
      expect(res.body.error.details.rows[0].reason).toMatch(/country/);
      expect(res.body.error.details.rows[1].reason).toMatch(/name/);
      expect(res.body.error.details.rows[2].reason).toMatch(/sector/);
      const none = await t.http().get('/api/companies').query({ q: marker }).set(promoter.auth).expect(200);
      expect(none.body.total).toBe(0);
    });

    it('rejects a wrong header, a non-CSV body and members', async () => {
      const promoter = await userWithRole(t, 'promoter');
      const wrong = await t
        .http()
        .post('/api/companies/import')
        .set(promoter.auth)
        .set('Content-Type', 'text/csv')
        .send('name,land\nx,y')
        .expect(400);
      expect(wrong.body.error.details.rows[0]).toMatchObject({
        row: 1,
        reason: expect.stringMatching(/unknown column/),
      });
      await t.http().post('/api/companies/import').set(promoter.auth).send({ csv: header }).expect(415);
      const member = await signUp(t);
      await t
        .http()
        .post('/api/companies/import')
        .set(member.auth)
        .set('Content-Type', 'text/csv')
        .send(header)
        .expect(403);
    });
  });
});
