/**
 * The one place that talks to LiveKit: mints client tokens, calls the RoomService and Egress
 * Twirp APIs, and verifies webhooks. Everything else in the feature speaks in our terms
 * (rooms, roles) and never sees the SDK's errors: they become LIVEKIT_UNAVAILABLE / LIVEKIT_ERROR.
 */
import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  AccessToken,
  EgressClient,
  EncodedFileOutput,
  EncodedFileType,
  RoomServiceClient,
  TwirpError,
  WebhookReceiver,
  type EgressInfo,
  type ParticipantPermission,
  type VideoGrant,
  type WebhookEvent,
} from 'livekit-server-sdk';
import type { DomainError } from '../common/domain-error';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/config';
import { LiveErrors } from './live.errors';

/** Client tokens live at most this long (the contract says ≤ 10 minutes); clients fetch a new one to reconnect. */
export const TOKEN_TTL_SECONDS = 600;
/** A RoomService or Egress call that takes longer than this is treated as "LiveKit unavailable". */
const REQUEST_TIMEOUT_SECONDS = 8;
const GONE = Symbol('gone');

/** Clients connect over WebSocket; the server APIs are plain HTTP on the same host. */
export const toWebSocketUrl = (url: string) => url.replace(/^http(s?):\/\//, 'ws$1://');
export const toHttpUrl = (url: string) => url.replace(/^ws(s?):\/\//, 'http$1://');

/**
 * What a failed LiveKit call means for us: `'gone'` when the participant or egress is not there
 * (LiveKit answers `not_found`, or a code the caller treats alike), else a domain error.
 */
export function classifyLiveKitError(
  error: unknown,
  goneCodes: readonly string[] = ['not_found'],
): 'gone' | DomainError {
  if (error instanceof TwirpError) {
    if (error.code && goneCodes.includes(error.code)) return 'gone';
    if (error.status === 404 && goneCodes.includes('not_found')) return 'gone';
    if (error.status >= 500) return LiveErrors.livekitUnavailable();
    return LiveErrors.livekitFailed(error.code ?? String(error.status));
  }
  // fetch() failures: connection refused, DNS, TLS, timeout.
  return LiveErrors.livekitUnavailable();
}

interface Clients {
  url: string;
  apiKey: string;
  apiSecret: string;
  rooms: RoomServiceClient;
  egress: EgressClient;
  webhooks: WebhookReceiver;
}

export interface ClientTokenRequest {
  identity: string;
  name: string;
  metadata: string;
  grant: VideoGrant;
}

@Injectable()
export class LiveKitService {
  private readonly logger = new Logger('LiveKit');
  private readonly clients: Clients | null;
  private readonly egressFilepath: string;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.egressFilepath = config.egressFilepath;
    const lk = config.livekit;
    if (!lk) {
      this.clients = null;
      return;
    }
    const api = toHttpUrl(lk.url);
    const options = { requestTimeout: REQUEST_TIMEOUT_SECONDS };
    this.clients = {
      url: toWebSocketUrl(lk.url),
      apiKey: lk.apiKey,
      apiSecret: lk.apiSecret,
      rooms: new RoomServiceClient(api, lk.apiKey, lk.apiSecret, options),
      egress: new EgressClient(api, lk.apiKey, lk.apiSecret, options),
      webhooks: new WebhookReceiver(lk.apiKey, lk.apiSecret),
    };
  }

  get enabled(): boolean {
    return this.clients !== null;
  }

  /** The URL clients connect to, or null when video is off. */
  get clientUrl(): string | null {
    return this.clients?.url ?? null;
  }

  /** 503 VIDEO_DISABLED unless LiveKit is configured. Call it after the access checks: who may not join learns that first. */
  requireEnabled(): void {
    if (!this.clients) throw LiveErrors.videoDisabled();
  }

  private get lk(): Clients {
    this.requireEnabled();
    return this.clients!;
  }

  async mintClientToken(request: ClientTokenRequest): Promise<string> {
    const token = new AccessToken(this.lk.apiKey, this.lk.apiSecret, {
      identity: request.identity,
      name: request.name,
      metadata: request.metadata,
      ttl: TOKEN_TTL_SECONDS,
    });
    token.addGrant(request.grant);
    return token.toJwt();
  }

  /** Changes a connected participant's permissions (and metadata). False when they are not in the room. */
  async updateParticipant(
    room: string,
    identity: string,
    permission: Partial<ParticipantPermission>,
    metadata: string,
  ): Promise<boolean> {
    const { rooms } = this.lk;
    return (
      (await this.call('UpdateParticipant', () =>
        rooms.updateParticipant(room, identity, { permission, metadata }),
      )) !== GONE
    );
  }

  /** Disconnects a participant; LiveKit also revokes the tokens they hold. False when they were not in the room. */
  async removeParticipant(room: string, identity: string): Promise<boolean> {
    const { rooms } = this.lk;
    return (await this.call('RemoveParticipant', () => rooms.removeParticipant(room, identity))) !== GONE;
  }

  /** Starts recording the whole room (speaker layout) to one MP4 file. */
  async startRoomRecording(room: string): Promise<EgressInfo> {
    const { egress } = this.lk;
    const file = new EncodedFileOutput({ fileType: EncodedFileType.MP4, filepath: this.egressFilepath });
    const info = await this.call(
      'StartRoomCompositeEgress',
      () => egress.startRoomCompositeEgress(room, { file }, { layout: 'speaker' }),
      [],
    );
    if (info === GONE) throw LiveErrors.livekitFailed('not_found');
    return info;
  }

  /** Stops an egress. Null when it had already ended on LiveKit's side (nothing left to stop). */
  async stopRecording(egressId: string): Promise<EgressInfo | null> {
    const { egress } = this.lk;
    const info = await this.call('StopEgress', () => egress.stopEgress(egressId), ['not_found', 'failed_precondition']);
    return info === GONE ? null : info;
  }

  /**
   * Verifies a webhook's signature (a JWT signed with our API secret whose `sha256` claim is the
   * body's hash) and decodes it. 401 for a missing or wrong signature, 400 for a signed body
   * that is not an event.
   */
  async receiveWebhook(body: string, signature: string | undefined): Promise<WebhookEvent> {
    const { webhooks } = this.lk;
    if (!signature) throw LiveErrors.badWebhookSignature();
    try {
      return await webhooks.receive(body, signature);
    } catch (error) {
      // receive() checks the signature before it parses, so a parse error means the signature was good.
      const parseError = error instanceof SyntaxError || /cannot decode/i.test((error as Error)?.message ?? '');
      throw parseError ? LiveErrors.badWebhookBody() : LiveErrors.badWebhookSignature();
    }
  }

  /** Runs one Twirp call; GONE when its target does not exist (any other failure throws a domain error). */
  private async call<T>(
    method: string,
    work: () => Promise<T>,
    goneCodes: readonly string[] = ['not_found'],
  ): Promise<T | typeof GONE> {
    try {
      return await work();
    } catch (error) {
      const outcome = classifyLiveKitError(error, goneCodes);
      if (outcome === 'gone') return GONE;
      this.logger.warn({ err: error, method }, `LiveKit ${method} failed`);
      throw outcome;
    }
  }
}
