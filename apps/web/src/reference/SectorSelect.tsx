import { Select, type SelectProps } from 'antd';
import { useMemo } from 'react';
import { useLocale } from '../i18n/useLocale';
import { toOptions, useSectors } from './useReference';

type Props = Omit<SelectProps<string>, 'options' | 'showSearch'>;

/** Sector select with labels in the UI language. */
export function SectorSelect(props: Props) {
  const { language } = useLocale();
  const sectors = useSectors();
  const options = useMemo(() => toOptions(sectors.data, language), [sectors.data, language]);
  return <Select<string> showSearch optionFilterProp="label" options={options} {...props} />;
}
