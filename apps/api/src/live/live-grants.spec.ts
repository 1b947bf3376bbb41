import { participantMetadata, participantPermission, sessionIdOfRoom, sessionRoom, videoGrant } from './live-grants';

const SESSION = '3f1c2a4e-8b7d-4c1a-9e2f-0a1b2c3d4e5f';

describe('live grants', () => {
  it('writes every audience permission out, false included', () => {
    const grant = videoGrant(sessionRoom(SESSION), 'audience');
    expect(grant).toEqual({
      room: `session-${SESSION}`,
      roomJoin: true,
      canPublish: false,
      canSubscribe: true,
      canPublishData: false,
      canUpdateOwnMetadata: false,
    });
  });

  it('lets hosts and promoted speakers publish, never administer the room', () => {
    for (const role of ['host', 'speaker'] as const) {
      const grant = videoGrant('r', role);
      expect(grant).toMatchObject({
        canPublish: true,
        canSubscribe: true,
        canPublishData: true,
        canUpdateOwnMetadata: false,
      });
      expect(grant).not.toHaveProperty('roomAdmin');
    }
  });

  it('gives a connected participant the same rights a fresh token would', () => {
    for (const role of ['host', 'speaker', 'audience'] as const) {
      const grant = videoGrant('r', role);
      const permission = participantPermission(role);
      expect([permission.canPublish, permission.canSubscribe, permission.canPublishData]).toEqual([
        grant.canPublish,
        grant.canSubscribe,
        grant.canPublishData,
      ]);
    }
  });

  it('finds the session of a room name and nothing else', () => {
    expect(sessionIdOfRoom(sessionRoom(SESSION))).toBe(SESSION);
    expect(sessionIdOfRoom(`session-${SESSION.toUpperCase()}`)).toBe(SESSION);
    for (const room of [undefined, '', 'lobby', `meeting-${SESSION}`, `session-${SESSION}-x`, 'session-1234']) {
      expect(sessionIdOfRoom(room)).toBeNull();
    }
  });

  it('puts the role and company in the metadata', () => {
    expect(JSON.parse(participantMetadata('speaker', 'c1'))).toEqual({ role: 'speaker', companyId: 'c1' });
  });
});
