import { can, type Actor, type CeremonyRoomFacts } from './access';
import type { EventStatus } from './events';

const actor = (role: Actor['role'], companyId: string | null = null): Actor => ({
  id: `${role}-${companyId ?? 'none'}`,
  role,
  companyId,
  displayName: role,
});

const room = (status: EventStatus): CeremonyRoomFacts => ({
  event: { status, createdById: 'someone' },
  cloudPartyCompanyIds: ['cloud-a', 'cloud-b'],
});

describe('the ceremony video room', () => {
  it.each(['published', 'live', 'ended'] as const)(
    'on a %s event: the organiser and cloud parties publish',
    (status) => {
      expect(can(actor('organiser'), 'ceremony.videoPublish', room(status))).toBe(true);
      expect(can(actor('member', 'cloud-b'), 'ceremony.videoPublish', room(status))).toBe(true);
      expect(can(actor('member', 'onsite-c'), 'ceremony.videoPublish', room(status))).toBe(false);
      expect(can(actor('member'), 'ceremony.videoPublish', room(status))).toBe(false);
      expect(can(actor('promoter'), 'ceremony.videoPublish', room(status))).toBe(false);
      expect(can(undefined, 'ceremony.videoPublish', room(status))).toBe(false);
    },
  );

  it.each(['published', 'live', 'ended'] as const)('on a %s event: anyone signed in watches', (status) => {
    for (const who of [actor('member'), actor('member', 'onsite-c'), actor('promoter'), actor('organiser')]) {
      expect(can(who, 'ceremony.videoWatch', room(status))).toBe(true);
    }
    expect(can(undefined, 'ceremony.videoWatch', room(status))).toBe(false);
    expect(can(null, 'ceremony.videoWatch', room(status))).toBe(false);
  });

  it('keeps a draft to the organiser: a cloud party cannot see it yet, nobody watches', () => {
    expect(can(actor('organiser'), 'ceremony.videoPublish', room('draft'))).toBe(true);
    expect(can(actor('member', 'cloud-a'), 'ceremony.videoPublish', room('draft'))).toBe(false);
    for (const who of [actor('member'), actor('promoter'), actor('member', 'cloud-a')]) {
      expect(can(who, 'ceremony.videoWatch', room('draft'))).toBe(false);
    }
  });
});
