/**
 * Exchange rates: US dollars per unit of a currency, entered by the organiser with an as-of date
 * and kept exactly, with their history. The rate in force for a currency is the one with the
 * latest as-of date; PUT upserts by (currency, asOf). USD is 1, implicitly. A change of rates
 * changes every ceremony's tally, so each one is recomputed and broadcast.
 */
import { Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import { ratesInForce, type Actor, type ExchangeRate } from '@ilr/shared';
import { DatabaseService } from '../database/database.service';
import { isUniqueViolation } from '../database/driver-errors';
import { ExchangeRateEntity } from './ceremony.entities';
import { fieldInvalid } from '../common/domain-error';
import type { PutRatesDto } from './dto/ceremony.dto';
import type { RateDto } from './dto/ceremony.responses';
import { TallyService } from './tally.service';

const byCurrency = (a: ExchangeRate, b: ExchangeRate) => a.currency.localeCompare(b.currency);

@Injectable()
export class RatesService {
  constructor(
    private readonly db: DatabaseService,
    private readonly tally: TallyService,
  ) {}

  /** The rates in force, by currency. */
  async inForce(): Promise<RateDto[]> {
    const rates = ratesInForce(await this.db.manager.find(ExchangeRateEntity));
    return [...rates.values()].map(toDto).sort(byCurrency);
  }

  /** Upserts each (currency, asOf); answers with the rates in force afterwards. */
  async put(actor: Actor, dto: PutRatesDto): Promise<RateDto[]> {
    dto.rates.forEach((r, i) => {
      if (!DateTime.fromISO(r.asOf, { zone: 'utc' }).isValid)
        throw fieldInvalid(`rates.${i}.asOf`, { code: 'invalid', message: 'is not a calendar date' });
      if (r.currency === 'USD')
        throw fieldInvalid(`rates.${i}.currency`, { code: 'invalid', message: 'USD is 1 US dollar, always' });
    });
    const keys = new Set(dto.rates.map((r) => `${r.currency}/${r.asOf}`));
    if (keys.size !== dto.rates.length)
      throw fieldInvalid('rates', { code: 'unique', message: 'each currency and date may appear only once' });
    // Two callers inserting the same new (currency, asOf) at once: the loser runs again and updates.
    const events = await this.upsert(actor, dto).catch((error) => {
      if (!isUniqueViolation(error)) throw error;
      return this.upsert(actor, dto);
    });
    for (const eventId of events) this.tally.changed(eventId);
    return this.inForce();
  }

  private upsert(actor: Actor, dto: PutRatesDto): Promise<string[]> {
    return this.db.transaction(async (em) => {
      const now = new Date();
      for (const r of dto.rates) {
        const row = {
          currency: r.currency,
          asOf: r.asOf,
          usdPerUnit: r.usdPerUnit,
          enteredById: actor.id,
          enteredAt: now,
        };
        const { affected } = await em.update(ExchangeRateEntity, { currency: r.currency, asOf: r.asOf }, row);
        if (!affected) await em.insert(ExchangeRateEntity, row);
      }
      return this.tally.bumpAll(em);
    });
  }
}

const toDto = (r: ExchangeRate): RateDto => ({ currency: r.currency, usdPerUnit: r.usdPerUnit, asOf: r.asOf });
