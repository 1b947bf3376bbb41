/** Picks offer or need tags from the taxonomy; each labelled in the UI language. */
import { Select, type SelectProps } from 'antd';
import { useMemo } from 'react';
import { pickLocalized } from '@ilr/shared';
import { useLocale } from '../i18n/useLocale';
import { useTags } from './useTags';

type Props = Omit<SelectProps<string[]>, 'options' | 'mode'>;

export function TagSelect(props: Props) {
  const { language } = useLocale();
  const tags = useTags();
  const options = useMemo(
    () =>
      (tags.data ?? []).map((tag) => ({
        value: tag.code,
        label: pickLocalized(tag.label, language)?.text ?? tag.code,
      })),
    [tags.data, language],
  );
  return <Select<string[]> mode="multiple" optionFilterProp="label" allowClear options={options} {...props} />;
}
