/** Picks an event by its title (the latest 100, drafts included for staff). */
import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { usePickLocalized } from '../common/LocalizedText';
import { useEventList } from '../events/useEvents';

interface Props {
  id?: string;
  value?: string;
  onChange?: (value: string | undefined) => void;
  'aria-label'?: string;
  allowClear?: boolean;
  placeholder?: string;
}

export function EventSelect({ id, value, onChange, allowClear, placeholder, ...aria }: Props) {
  const { t } = useTranslation();
  const pick = usePickLocalized();
  const events = useEventList({ pageSize: 100 });
  const options = (events.data?.items ?? []).map((e) => ({ value: e.id, label: pick(e.title)?.text ?? e.id }));
  return (
    <Select<string>
      id={id}
      aria-label={aria['aria-label']}
      showSearch
      optionFilterProp="label"
      value={value}
      onChange={(v) => onChange?.(v)}
      options={options}
      allowClear={allowClear}
      placeholder={placeholder ?? t('deals.eventSearch')}
      loading={events.isLoading}
      style={{ minWidth: 240 }}
    />
  );
}
