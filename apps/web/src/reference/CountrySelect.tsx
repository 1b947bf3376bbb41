import { Select, type SelectProps } from 'antd';
import { useMemo } from 'react';
import { useLocale } from '../i18n/useLocale';
import { toOptions, useCountries } from './useReference';

type Props = Omit<SelectProps<string>, 'options' | 'showSearch'>;

/** Country select with names in the UI language (KR and CN first, as the API orders them). */
export function CountrySelect(props: Props) {
  const { language } = useLocale();
  const countries = useCountries();
  const options = useMemo(() => toOptions(countries.data, language), [countries.data, language]);
  return (
    <Select<string> showSearch optionFilterProp="label" loading={countries.isLoading} options={options} {...props} />
  );
}
