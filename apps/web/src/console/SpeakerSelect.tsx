/**
 * Pick a session's speakers by part of their name or their whole email (`GET /api/people`, for
 * organisers and promoters). Each option shows the person's firm so namesakes can be told apart.
 */
import { Select, Spin } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Speaker } from '../api/types';
import { usePickLocalized } from '../common/LocalizedText';
import { usePeopleSearch } from '../people/usePeople';

interface Props {
  id?: string;
  value?: string[];
  onChange?: (value: string[]) => void;
  /** The speakers already on the session (so their names show before any search). */
  known: Speaker[];
}

export function SpeakerSelect({ id, value, onChange, known }: Props) {
  const { t } = useTranslation();
  const pick = usePickLocalized();
  const [q, setQ] = useState('');
  const people = usePeopleSearch(q.trim());
  const options = useMemo(() => {
    const byId = new Map<string, string>(known.map((s) => [s.id, s.displayName]));
    for (const person of people.data?.items ?? []) {
      const firm = pick(person.company?.name)?.text;
      byId.set(person.id, firm ? `${person.displayName} · ${firm}` : person.displayName);
    }
    return [...byId].map(([id, label]) => ({ value: id, label }));
  }, [known, people.data, pick]);

  return (
    <Select<string[]>
      id={id}
      mode="multiple"
      value={value}
      onChange={onChange}
      options={options}
      showSearch
      filterOption={false}
      onSearch={setQ}
      notFoundContent={people.isFetching ? <Spin size="small" /> : t('console.sessions.noPeople')}
      placeholder={t('console.sessions.speakersPlaceholder')}
    />
  );
}
