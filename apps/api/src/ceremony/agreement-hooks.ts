/**
 * Lets other features act inside the transaction that signs or unsigns an agreement: the deals
 * feature moves the agreement's deal to `signed` (and back) whichever route signed it. A hook
 * that throws rolls the whole signing back.
 */
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Actor } from '@ilr/shared';
import type { AgreementEntity } from './ceremony.entities';

export type AgreementHook = (em: EntityManager, agreement: AgreementEntity, actor: Actor) => Promise<void>;

@Injectable()
export class AgreementHooks {
  private readonly signed: AgreementHook[] = [];
  private readonly unsigned: AgreementHook[] = [];

  /** Runs in the signing transaction, after the agreement is saved as signed. */
  onSigned(hook: AgreementHook): void {
    this.signed.push(hook);
  }

  /** Runs in the unsigning transaction, after the agreement is back to planned. */
  onUnsigned(hook: AgreementHook): void {
    this.unsigned.push(hook);
  }

  async runSigned(em: EntityManager, agreement: AgreementEntity, actor: Actor): Promise<void> {
    for (const hook of this.signed) await hook(em, agreement, actor);
  }

  async runUnsigned(em: EntityManager, agreement: AgreementEntity, actor: Actor): Promise<void> {
    for (const hook of this.unsigned) await hook(em, agreement, actor);
  }
}
