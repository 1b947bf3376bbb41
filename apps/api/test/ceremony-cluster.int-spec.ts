/**
 * The live tally on two API nodes sharing one database and one Redis: signings on both nodes at
 * once, and big screens on both nodes end on the tally the database holds.
 */
import type { TallyUpdated } from '@ilr/shared';
import { createCompany, createEvent, loginOrganiser, type Session } from './factories';
import type { TestApp } from './harness';
import { closeClients, connectPublic, ok, record, startCluster, waitFor } from './realtime-harness';

describe('the ceremony tally on two nodes with Redis', () => {
  let a: TestApp;
  let b: TestApp;
  let organiser: Session;
  beforeAll(async () => {
    [a, b] = await startCluster();
    organiser = await loginOrganiser(a);
  });
  afterEach(() => closeClients());
  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  it('ends every screen, on either node, on the tally of the database', async () => {
    const event = await createEvent(a, { kind: 'ceremony', as: organiser });
    const parties = [(await createCompany(a, organiser)).id, (await createCompany(a, organiser)).id];
    const ids: string[] = [];
    for (let i = 0; i < 40; i++) {
      const res = await a
        .http()
        .post(`/api/events/${event.id}/agreements`)
        .set(organiser.auth)
        .send({
          title: { en: `Agreement ${i}` },
          sector: 'logistics',
          partyCompanyIds: parties,
          investment: { amount: `${i + 1}000.10`, currency: 'USD' },
          mode: i % 2 ? 'cloud' : 'onsite',
        })
        .expect(201);
      ids.push(res.body.id);
    }
    const screens = [await connectPublic(a), await connectPublic(b)];
    const seen = [];
    for (const screen of screens) {
      await ok(screen, 'room:join', { room: `ceremony:${event.id}` });
      seen.push(record<TallyUpdated>(screen, 'tally:updated'));
    }

    await Promise.all(
      ids.map((id, i) => (i % 2 ? a : b).http().post(`/api/agreements/${id}/sign`).set(organiser.auth).expect(200)),
    );

    const tally = (await b.http().get(`/api/events/${event.id}/tally`).expect(200)).body;
    // Σ (i + 1) × 1000 + 0.10 for i = 0..39 = 820 000 + 4
    expect(tally).toMatchObject({ signedCount: 40, plannedCount: 40, totalUsd: '820004.00' });
    for (const received of seen) {
      await waitFor(() => received.at(-1)?.signedCount === 40, 'the last tally on this node');
      expect(received.at(-1)).toEqual(tally);
    }
  });
});
