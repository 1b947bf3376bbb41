/** The company profile form, used to create and to edit; offer and need tags (what matchmaking matches on) beside the free text. */
import { Button, Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { FIELD_LIMITS, type Localized } from '@ilr/shared';
import type { Company, CompanyInput } from '../api/types';
import { ErrorAlert } from '../errors/ErrorAlert';
import { useFormErrors } from '../errors/useFormErrors';
import { CountrySelect } from '../reference/CountrySelect';
import { SectorSelect } from '../reference/SectorSelect';
import { LocalizedInput, compactLocalized, localizedRequired } from '../common/LocalizedInput';
import { TagSelect } from '../matchmaking/TagSelect';

const FIELDS = [
  'name',
  'description',
  'country',
  'sector',
  'offerTags',
  'offers',
  'needTags',
  'needs',
  'website',
] as const;

interface Values {
  name: Localized;
  description: Localized;
  country?: string;
  sector?: string;
  offerTags: string[];
  offers: string[];
  needTags: string[];
  needs: string[];
  website: string;
}

interface Props {
  company?: Company;
  submitLabel: string;
  pending: boolean;
  error: unknown;
  onSubmit: (input: CompanyInput, callbacks: { onError: (error: unknown) => void }) => void;
}

function toValues(company?: Company): Values {
  return {
    name: company?.name ?? {},
    description: company?.description ?? {},
    country: company?.country,
    sector: company?.sector,
    offerTags: company?.offerTags ?? [],
    offers: company?.offers ?? [],
    needTags: company?.needTags ?? [],
    needs: company?.needs ?? [],
    website: company?.website ?? '',
  };
}

function cleanTags(tags: string[] | undefined): string[] {
  return [...new Set((tags ?? []).map((tag) => tag.trim()).filter(Boolean))];
}

export function CompanyForm({ company, submitLabel, pending, error, onSubmit }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const formErrors = useFormErrors(form, FIELDS);

  const onFinish = (values: Values) => {
    formErrors.clear();
    const input: CompanyInput = {
      name: compactLocalized(values.name) ?? {},
      country: values.country!,
      sector: values.sector!,
      offers: cleanTags(values.offers),
      needs: cleanTags(values.needs),
      // The pickers only offer codes of the taxonomy (TAGS).
      offerTags: (values.offerTags ?? []) as CompanyInput['offerTags'],
      needTags: (values.needTags ?? []) as CompanyInput['needTags'],
    };
    const description = compactLocalized(values.description);
    if (description) input.description = description;
    const website = values.website?.trim();
    if (website) input.website = website;
    onSubmit(input, { onError: formErrors.apply });
  };

  const tagProps = {
    mode: 'tags' as const,
    tokenSeparators: [',', ';', '，', '；'],
    open: false,
    suffixIcon: null,
  };

  return (
    <Form<Values>
      form={form}
      name="company"
      layout="vertical"
      initialValues={toValues(company)}
      onFinish={onFinish}
      disabled={pending}
    >
      <ErrorAlert error={error} unplaced={formErrors.unplaced} />
      <Form.Item
        name="name"
        label={t('company.fields.name')}
        extra={t('company.hints.name')}
        required
        rules={[localizedRequired(t('company.validation.nameRequired'))]}
      >
        <LocalizedInput fieldLabel={t('company.fields.name')} maxLength={FIELD_LIMITS.companyName.max} />
      </Form.Item>
      <Form.Item
        name="country"
        label={t('company.fields.country')}
        rules={[{ required: true, message: t('company.validation.countryRequired') }]}
      >
        <CountrySelect placeholder={t('company.placeholders.country')} />
      </Form.Item>
      <Form.Item
        name="sector"
        label={t('company.fields.sector')}
        rules={[{ required: true, message: t('company.validation.sectorRequired') }]}
      >
        <SectorSelect placeholder={t('company.placeholders.sector')} />
      </Form.Item>
      <Form.Item name="offerTags" label={t('company.fields.offerTags')} extra={t('company.hints.taxonomy')}>
        <TagSelect placeholder={t('company.placeholders.offerTags')} maxCount={FIELD_LIMITS.offerTags.maxItems} />
      </Form.Item>
      <Form.Item name="offers" label={t('company.fields.offers')} extra={t('company.hints.tags')}>
        <Select {...tagProps} placeholder={t('company.placeholders.offers')} />
      </Form.Item>
      <Form.Item name="needTags" label={t('company.fields.needTags')} extra={t('company.hints.taxonomy')}>
        <TagSelect placeholder={t('company.placeholders.needTags')} maxCount={FIELD_LIMITS.offerTags.maxItems} />
      </Form.Item>
      <Form.Item name="needs" label={t('company.fields.needs')} extra={t('company.hints.tags')}>
        <Select {...tagProps} placeholder={t('company.placeholders.needs')} />
      </Form.Item>
      <Form.Item name="description" label={t('common.optionalLabel', { label: t('company.fields.description') })}>
        <LocalizedInput
          fieldLabel={t('company.fields.description')}
          multiline
          maxLength={FIELD_LIMITS.companyDescription.max}
        />
      </Form.Item>
      <Form.Item
        name="website"
        label={t('common.optionalLabel', { label: t('company.fields.website') })}
        rules={[{ pattern: /^https?:\/\/\S+\.\S+/i, message: t('company.validation.websiteInvalid') }]}
      >
        <Input type="url" inputMode="url" autoComplete="url" placeholder={t('company.placeholders.website')} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={pending}>
        {submitLabel}
      </Button>
    </Form>
  );
}
