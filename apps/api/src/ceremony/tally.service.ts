/**
 * The live tally of a ceremony (API.md §Projects, agreements, ceremony): computed from the
 * database every time (never kept as running totals), with the arithmetic of @ilr/shared's
 * money.ts. Every transaction that changes it increments the event's tally version; after the
 * commit `changed()` recomputes and coalesces `tally:updated` out to `ceremony:<eventId>` on
 * /live and /public: at most a few a second, the last state always sent, computed after the last
 * change. Each node delivers to its own connections and relays to the others with the version,
 * so a late tally (a slower computation, another node) never replaces a newer one.
 */
import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { In, type EntityManager } from 'typeorm';
import { computeTally, ratesInForce, type TallyUpdated } from '@ilr/shared';
import { DatabaseService } from '../database/database.service';
import { lockEvent } from '../matchmaking/setup.service';
import { RealtimeBroadcaster } from '../realtime/broadcaster';
import { LatestStateCoalescer } from '../realtime/coalescer';
import { AgreementEntity, CeremonyTallyEntity, ExchangeRateEntity, ProjectEntity } from './ceremony.entities';

/**
 * Per event. The first change goes out at once; within the next 100 ms the changes are folded
 * into one update, so a signing reaches the screens within about 100 ms plus the read.
 */
const UPDATES_PER_SECOND = 10;

/** The tally as computed here: `missingRates` always present. */
export type Tally = TallyUpdated & { missingRates: string[] };

export interface VersionedTally {
  version: number;
  tally: Tally;
}

@Injectable()
export class TallyService implements OnModuleDestroy {
  private readonly logger = new Logger('Tally');
  private readonly updates: LatestStateCoalescer<TallyUpdated>;
  /** Events whose tally is being computed on this node, and whether another change came meanwhile. */
  private readonly computing = new Map<string, { again: boolean }>();

  constructor(
    private readonly db: DatabaseService,
    private readonly broadcaster: RealtimeBroadcaster,
  ) {
    this.updates = new LatestStateCoalescer(1000 / UPDATES_PER_SECOND, (eventId, { version, state, relay }) => {
      this.broadcaster.toLocalCeremony(eventId, 'tally:updated', state);
      if (relay) this.broadcaster.toOtherNodes('state:tally', version, state);
    });
    this.broadcaster.onOtherNodes('state:tally', (version, state) =>
      this.updates.push(state.eventId, { version, state, relay: false }),
    );
  }

  onModuleDestroy(): void {
    this.updates.close();
  }

  /** The tally as the database holds it now (one consistent read). */
  async tally(eventId: string): Promise<Tally> {
    return (await this.read(eventId)).tally;
  }

  /**
   * Inside a changing transaction, before it touches the event's agreements: locks the event (its
   * changes happen one after another) and increments the tally version.
   */
  async bump(em: EntityManager, eventId: string): Promise<void> {
    await lockEvent(em, eventId);
    const { affected } = await em.increment(CeremonyTallyEntity, { eventId }, 'version', 1);
    if (!affected) await em.insert(CeremonyTallyEntity, { eventId, version: 1 });
  }

  /** Inside a transaction that changed the rates: every tally's version moves. Returns their events. */
  async bumpAll(em: EntityManager): Promise<string[]> {
    await em
      .createQueryBuilder()
      .update(CeremonyTallyEntity)
      .set({ version: () => 'version + 1' })
      .execute();
    return (await em.find(CeremonyTallyEntity, { select: { eventId: true } })).map((t) => t.eventId);
  }

  /** After the commit of a change: schedules the coalesced broadcast (never throws). */
  changed(eventId: string): void {
    const running = this.computing.get(eventId);
    if (running) {
      running.again = true;
      return;
    }
    const state = { again: false };
    this.computing.set(eventId, state);
    void (async () => {
      try {
        do {
          state.again = false;
          const { version, tally } = await this.read(eventId);
          this.updates.push(eventId, { version, state: tally, relay: true });
        } while (state.again);
      } catch (error) {
        this.logger.warn(`Could not compute the tally of ${eventId}: ${(error as Error).message}`);
      } finally {
        this.computing.delete(eventId);
      }
    })();
  }

  private read(eventId: string): Promise<VersionedTally> {
    // One snapshot, so the version and the rows belong together; not queued behind the signings.
    return this.db.readTransaction(async (em) => {
      const version = (await em.findOneBy(CeremonyTallyEntity, { eventId }))?.version ?? 0;
      const agreements = await em.find(AgreementEntity, {
        where: { eventId },
        select: { id: true, status: true, amount: true, currency: true, sector: true, projectId: true },
      });
      const projectIds = [...new Set(agreements.map((a) => a.projectId).filter((id): id is string => !!id))];
      const sectors = new Map(
        projectIds.length === 0
          ? []
          : (await em.find(ProjectEntity, { where: { id: In(projectIds) }, select: { id: true, sector: true } })).map(
              (p) => [p.id, p.sector],
            ),
      );
      const rates = ratesInForce(await em.find(ExchangeRateEntity));
      const figures = computeTally(
        agreements.map((a) => ({
          signed: a.status === 'signed',
          sector: (a.projectId && sectors.get(a.projectId)) || a.sector,
          investment: { amount: a.amount, currency: a.currency },
        })),
        rates,
      );
      return { version, tally: { eventId, ...figures } };
    });
  }
}
