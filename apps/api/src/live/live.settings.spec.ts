import { ConfigError } from '../config/config';
import { DEFAULT_EGRESS_FILEPATH, loadLiveSettings } from './live.settings';

describe('loadLiveSettings', () => {
  it('defaults the recording path and takes a custom .mp4 template', () => {
    expect(loadLiveSettings({}).egressFilepath).toBe(DEFAULT_EGRESS_FILEPATH);
    expect(loadLiveSettings({ LIVEKIT_EGRESS_FILEPATH: '  ' }).egressFilepath).toBe(DEFAULT_EGRESS_FILEPATH);
    expect(loadLiveSettings({ LIVEKIT_EGRESS_FILEPATH: 'roadshows/{room_name}/{time}.mp4' }).egressFilepath).toBe(
      'roadshows/{room_name}/{time}.mp4',
    );
  });

  it('names the variable when the template is wrong', () => {
    expect(() => loadLiveSettings({ LIVEKIT_EGRESS_FILEPATH: 'recordings/{room_name}.webm' })).toThrow(ConfigError);
    expect(() => loadLiveSettings({ LIVEKIT_EGRESS_FILEPATH: 'x.webm' })).toThrow(/LIVEKIT_EGRESS_FILEPATH/);
  });
});
