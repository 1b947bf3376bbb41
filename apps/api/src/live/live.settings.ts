/**
 * Settings of the live feature that are not part of AppConfig: optional environment variables
 * with defaults that work for a single self-hosted LiveKit + Egress.
 */
import { ConfigError } from '../config/config';

/** Where the egress writes a session recording; `{room_name}` and `{time}` are LiveKit's own template variables. */
export const DEFAULT_EGRESS_FILEPATH = 'recordings/{room_name}-{time}.mp4';

export interface LiveSettings {
  egressFilepath: string;
}

export function loadLiveSettings(env: Record<string, string | undefined> = process.env): LiveSettings {
  const raw = env.LIVEKIT_EGRESS_FILEPATH?.trim();
  if (!raw) return { egressFilepath: DEFAULT_EGRESS_FILEPATH };
  // We ask the egress for MP4; a different extension would only mislabel the file.
  if (!raw.endsWith('.mp4') || raw.length > 1000) {
    throw new ConfigError(
      'LIVEKIT_EGRESS_FILEPATH',
      `must be a path template ending in .mp4, e.g. ${DEFAULT_EGRESS_FILEPATH}`,
    );
  }
  return { egressFilepath: raw };
}
