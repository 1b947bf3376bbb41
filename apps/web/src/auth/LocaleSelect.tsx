import { Select, type SelectProps } from 'antd';
import { LOCALES } from '@ilr/shared';
import { LOCALE_LABELS } from '../i18n';

type Props = Omit<SelectProps<string>, 'options'>;

/** The account's preferred language (labels are endonyms). */
export function LocaleSelect(props: Props) {
  return <Select<string> options={LOCALES.map((l) => ({ value: l, label: LOCALE_LABELS[l] }))} {...props} />;
}
