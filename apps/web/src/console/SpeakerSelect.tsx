/**
 * Pick a session's speakers by name or email. Searching people is for organisers (`GET
 * /api/users`); promoters see the current speakers but cannot search, and the hint says so.
 */
import { Select, Spin } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Speaker } from '@ilr/shared';
import { useUsers } from '../people/usePeople';

interface Props {
  id?: string;
  value?: string[];
  onChange?: (value: string[]) => void;
  /** The speakers already on the session (so their names show before any search). */
  known: Speaker[];
  canSearch: boolean;
}

export function SpeakerSelect({ id, value, onChange, known, canSearch }: Props) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const users = useUsers({ q: q.trim() || undefined, page: 1 }, canSearch);
  const options = useMemo(() => {
    const byId = new Map<string, string>(known.map((s) => [s.id, s.displayName]));
    for (const user of users.data?.items ?? []) byId.set(user.id, `${user.displayName} · ${user.email}`);
    return [...byId].map(([id, label]) => ({ value: id, label }));
  }, [known, users.data]);

  return (
    <Select<string[]>
      id={id}
      mode="multiple"
      value={value}
      onChange={onChange}
      options={options}
      disabled={!canSearch}
      showSearch
      filterOption={false}
      onSearch={setQ}
      notFoundContent={users.isFetching ? <Spin size="small" /> : t('console.sessions.noPeople')}
      placeholder={canSearch ? t('console.sessions.speakersPlaceholder') : t('console.sessions.speakersOrganiserOnly')}
    />
  );
}
