/**
 * Changes to who may do what, announced after they commit: a role changed, a session's speakers
 * changed, a host removed or readmitted someone. Long-lived holders of rights (the /live sockets,
 * which decided a room's rights when they joined it) listen and decide again; HTTP requests need
 * nothing, since each one loads its caller afresh.
 */
import { Global, Injectable, Module } from '@nestjs/common';
import { Subject, type Observable } from 'rxjs';

export interface AccessChange {
  /** Whose rights changed (their connections reload the user); absent: everyone in `rooms`. */
  userIds?: string[];
  /** Which rooms' rights to decide again; absent: every room the users' connections are in. */
  rooms?: string[];
}

@Injectable()
export class AccessChanges {
  private readonly subject = new Subject<AccessChange>();
  readonly changes$: Observable<AccessChange> = this.subject.asObservable();

  /** Call after the change has committed. */
  publish(change: AccessChange): void {
    this.subject.next(change);
  }
}

@Global()
@Module({ providers: [AccessChanges], exports: [AccessChanges] })
export class AccessChangesModule {}
