/**
 * `/events/:id/booths/:companyId/edit` — the firm's booth editor (its members, promoters,
 * organisers): headline and description in each language, products (drag or move them up and
 * down, one image each), PDF brochures and a video link; saved with one PUT.
 */
import {
  ArrowDownOutlined,
  ArrowUpOutlined,
  DeleteOutlined,
  FilePdfOutlined,
  HolderOutlined,
  PlusOutlined,
} from '@ant-design/icons';
import { App, Button, Card, Form, Input, Result, Space, Typography } from 'antd';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { FIELD_LIMITS, type Localized } from '@ilr/shared';
import { isApiError } from '../api/client';
import { RequireAuth } from '../auth/RequireAuth';
import { can } from '../auth/roles';
import { ButtonLink } from '../common/ButtonLink';
import { LoadingBlock } from '../common/LoadingBlock';
import { LocalizedInput, compactLocalized, localizedRequired } from '../common/LocalizedInput';
import { LocalizedText } from '../common/LocalizedText';
import { PageHeading } from '../common/PageHeading';
import { ErrorAlert } from '../errors/ErrorAlert';
import { useFormErrors } from '../errors/useFormErrors';
import { formatSize } from './formatSize';
import type { Booth, BoothFile, BoothInput } from './types';
import { UploadButton } from './UploadButton';
import { useBooth, usePutBooth } from './useExhibition';

const MAX_PRODUCTS = 50;
const MAX_BROCHURES = 10;
const IMAGE_TYPES = 'image/png,image/jpeg,image/webp';

interface ProductValues {
  name?: Localized;
  description?: Localized;
  imageId?: string;
}

interface BoothValues {
  headline?: Localized;
  description?: Localized;
  products: ProductValues[];
  brochureIds: string[];
  videoUrl?: string;
}

/** Files the editor can show: the booth's and this session's uploads (with the name they had). */
type KnownFiles = Record<string, BoothFile & { name?: string }>;

export function BoothEditorPage() {
  const { id = '', companyId = '' } = useParams();
  const { t } = useTranslation();
  return (
    <RequireAuth>
      {(user) =>
        can(user, 'booth.manage', { id: companyId }) ? (
          <BoothEditor eventId={id} companyId={companyId} />
        ) : (
          <Result status="403" title={t('auth.forbidden.title')} subTitle={t('exhibition.editor.forbidden')} />
        )
      }
    </RequireAuth>
  );
}

function BoothEditor({ eventId, companyId }: { eventId: string; companyId: string }) {
  const { t } = useTranslation();
  const booth = useBooth(eventId, companyId);
  // Here, not in the form: saving re-reads the booth, which remounts the form (its key).
  const put = usePutBooth(eventId, companyId);
  const missing = isApiError(booth.error) && booth.error.status === 404;
  if (booth.isLoading) return <LoadingBlock />;
  if (!booth.data && !missing) return <ErrorAlert error={booth.error} />;
  const base = `/events/${eventId}/booths/${companyId}`;
  return (
    <>
      <p className="back-link">
        <Link to={`/events/${eventId}/exhibition`}>{t('exhibition.booth.backToHall')}</Link>
      </p>
      <PageHeading
        title={t('exhibition.editor.title')}
        intro={booth.data ? <LocalizedText value={booth.data.company.name} /> : t('exhibition.editor.intro')}
      />
      <Space wrap className="staff-actions">
        {booth.data ? <ButtonLink to={base}>{t('exhibition.editor.view')}</ButtonLink> : null}
        <ButtonLink to={`${base}/leads`}>{t('exhibition.booth.leads')}</ButtonLink>
      </Space>
      <BoothForm key={booth.data?.updatedAt ?? 'new'} booth={booth.data} put={put} />
    </>
  );
}

function initialValues(booth: Booth | undefined): BoothValues {
  return {
    headline: booth?.headline ?? {},
    description: booth?.description ?? {},
    products: (booth?.products ?? []).map((p) => ({
      name: p.name,
      description: p.description ?? {},
      imageId: p.image?.id,
    })),
    brochureIds: (booth?.brochures ?? []).map((b) => b.id),
    videoUrl: booth?.videoUrl ?? '',
  };
}

function knownFiles(booth: Booth | undefined): KnownFiles {
  const files: KnownFiles = {};
  for (const product of booth?.products ?? []) if (product.image) files[product.image.id] = product.image;
  for (const brochure of booth?.brochures ?? []) files[brochure.id] = brochure;
  return files;
}

function toInput(values: BoothValues): BoothInput {
  return {
    headline: compactLocalized(values.headline) ?? {},
    description: compactLocalized(values.description),
    products: values.products.map((p) => ({
      name: compactLocalized(p.name) ?? {},
      description: compactLocalized(p.description),
      imageId: p.imageId || undefined,
    })),
    brochureIds: values.brochureIds,
    videoUrl: values.videoUrl?.trim() || null,
  };
}

function BoothForm({ booth, put }: { booth: Booth | undefined; put: ReturnType<typeof usePutBooth> }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<BoothValues>();
  const [files, setFiles] = useState<KnownFiles>(() => knownFiles(booth));
  const remember = (file: BoothFile, name: string) => setFiles((known) => ({ ...known, [file.id]: { ...file, name } }));
  const products = Form.useWatch('products', form) ?? [];
  const shownFields = useMemo(
    () => [
      'headline',
      'description',
      'videoUrl',
      'brochureIds',
      ...Array.from({ length: products.length }, (_, i) => [
        `products.${i}.name`,
        `products.${i}.description`,
        `products.${i}.imageId`,
      ]).flat(),
    ],
    [products.length],
  );
  const formErrors = useFormErrors(form, shownFields);

  const submit = (values: BoothValues) => {
    formErrors.clear();
    put.mutate(toInput(values), {
      onSuccess: () => void message.success(t('exhibition.editor.saved')),
      onError: formErrors.apply,
    });
  };

  return (
    <Form<BoothValues>
      form={form}
      layout="vertical"
      name="booth"
      initialValues={initialValues(booth)}
      onFinish={submit}
      scrollToFirstError
    >
      <Card>
        <Form.Item
          name="headline"
          label={t('exhibition.editor.headline')}
          required
          rules={[localizedRequired(t('exhibition.editor.headlineRequired'))]}
        >
          <LocalizedInput fieldLabel={t('exhibition.editor.headline')} maxLength={FIELD_LIMITS.boothHeadline.max} />
        </Form.Item>
        <Form.Item name="description" label={t('common.optionalLabel', { label: t('exhibition.editor.description') })}>
          <LocalizedInput
            fieldLabel={t('exhibition.editor.description')}
            multiline
            maxLength={FIELD_LIMITS.boothDescription.max}
          />
        </Form.Item>
      </Card>
      <ProductsEditor files={files} onUploaded={remember} />
      <Card title={<h2 className="card-title">{t('exhibition.editor.media')}</h2>} className="booth-editor-card">
        <Form.Item name="brochureIds" label={t('exhibition.editor.brochures')}>
          <BrochuresField files={files} onUploaded={remember} />
        </Form.Item>
        <Form.Item
          name="videoUrl"
          label={t('common.optionalLabel', { label: t('exhibition.editor.videoUrl') })}
          extra={t('exhibition.editor.videoHint')}
          rules={[{ pattern: /^https:\/\/\S+$/i, message: t('exhibition.editor.videoInvalid') }]}
        >
          <Input type="url" inputMode="url" placeholder="https://" maxLength={2048} />
        </Form.Item>
      </Card>
      <ErrorAlert error={put.error} unplaced={formErrors.unplaced} />
      <Button type="primary" htmlType="submit" size="large" loading={put.isPending}>
        {t('exhibition.editor.save')}
      </Button>
    </Form>
  );
}

interface FilesProps {
  files: KnownFiles;
  onUploaded: (file: BoothFile, name: string) => void;
}

/** The products in display order: drag a card by its handle, or use the move buttons. */
function ProductsEditor({ files, onUploaded }: FilesProps) {
  const { t } = useTranslation();
  const dragged = useRef<number | null>(null);
  const [over, setOver] = useState<number | null>(null);

  return (
    <Form.List name="products">
      {(fields, { add, remove, move }) => (
        <Card
          title={<h2 className="card-title">{t('exhibition.editor.products')}</h2>}
          className="booth-editor-card"
          extra={
            <Button
              icon={<PlusOutlined aria-hidden />}
              disabled={fields.length >= MAX_PRODUCTS}
              onClick={() => add({ name: {}, description: {} })}
            >
              {t('exhibition.editor.addProduct')}
            </Button>
          }
        >
          {fields.length === 0 ? (
            <Typography.Text type="secondary">{t('exhibition.editor.noProducts')}</Typography.Text>
          ) : null}
          <ol className="product-editor-list">
            {fields.map((field, index) => {
              const n = index + 1;
              return (
                <li
                  key={field.key}
                  className={over === index ? 'product-editor drop-target' : 'product-editor'}
                  aria-label={t('exhibition.editor.product', { n })}
                  onDragOver={(e) => {
                    if (dragged.current === null) return;
                    e.preventDefault();
                    setOver(index);
                  }}
                  onDragLeave={() => setOver(null)}
                  onDrop={(e) => {
                    e.preventDefault();
                    if (dragged.current !== null && dragged.current !== index) move(dragged.current, index);
                    dragged.current = null;
                    setOver(null);
                  }}
                >
                  <div className="product-editor-head">
                    <span
                      className="drag-handle"
                      draggable
                      title={t('exhibition.editor.dragHint')}
                      aria-hidden
                      onDragStart={(e) => {
                        dragged.current = index;
                        e.dataTransfer.effectAllowed = 'move';
                        e.dataTransfer.setData('text/plain', String(n));
                        const card = e.currentTarget.closest('li');
                        if (card) e.dataTransfer.setDragImage(card, 16, 16);
                      }}
                      onDragEnd={() => {
                        dragged.current = null;
                        setOver(null);
                      }}
                    >
                      <HolderOutlined />
                    </span>
                    <Typography.Text strong>{t('exhibition.editor.product', { n })}</Typography.Text>
                    <Space.Compact className="product-editor-actions">
                      <Button
                        icon={<ArrowUpOutlined aria-hidden />}
                        aria-label={t('exhibition.editor.moveUp', { n })}
                        disabled={index === 0}
                        onClick={() => move(index, index - 1)}
                      />
                      <Button
                        icon={<ArrowDownOutlined aria-hidden />}
                        aria-label={t('exhibition.editor.moveDown', { n })}
                        disabled={index === fields.length - 1}
                        onClick={() => move(index, index + 1)}
                      />
                      <Button
                        danger
                        icon={<DeleteOutlined aria-hidden />}
                        aria-label={t('exhibition.editor.removeProduct', { n })}
                        onClick={() => remove(index)}
                      />
                    </Space.Compact>
                  </div>
                  <Form.Item
                    name={[field.name, 'name']}
                    label={t('exhibition.editor.productName')}
                    required
                    rules={[localizedRequired(t('exhibition.editor.productNameRequired'))]}
                  >
                    <LocalizedInput
                      fieldLabel={t('exhibition.editor.productNameN', { n })}
                      maxLength={FIELD_LIMITS.boothHeadline.max}
                    />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'description']}
                    label={t('common.optionalLabel', { label: t('exhibition.editor.productDescription') })}
                  >
                    <LocalizedInput fieldLabel={t('exhibition.editor.productDescriptionN', { n })} multiline />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'imageId']}
                    label={t('common.optionalLabel', { label: t('exhibition.editor.image') })}
                  >
                    <ImageField n={n} files={files} onUploaded={onUploaded} />
                  </Form.Item>
                </li>
              );
            })}
          </ol>
        </Card>
      )}
    </Form.List>
  );
}

/** One product's image: its thumbnail, replace or remove it. A form control over the file's id. */
function ImageField({
  n,
  files,
  onUploaded,
  value,
  onChange,
}: FilesProps & { n: number; value?: string; onChange?: (id: string | undefined) => void }) {
  const { t } = useTranslation();
  const file = value ? files[value] : undefined;
  return (
    <Space direction="vertical">
      {value ? (
        <Space wrap align="center">
          <img
            className="product-thumb"
            src={file?.thumbUrl ?? file?.url ?? `/api/files/${value}?size=thumb`}
            alt={t('exhibition.editor.imageOf', { n })}
          />
          <Button
            icon={<DeleteOutlined aria-hidden />}
            aria-label={t('exhibition.editor.removeImage', { n })}
            onClick={() => onChange?.(undefined)}
          />
        </Space>
      ) : null}
      <UploadButton
        accept={IMAGE_TYPES}
        label={value ? t('exhibition.editor.replaceImage', { n }) : t('exhibition.editor.uploadImage', { n })}
        hint={t('exhibition.editor.imageHint')}
        onUploaded={(uploaded, name) => {
          onUploaded(uploaded, name);
          onChange?.(uploaded.id);
        }}
      />
    </Space>
  );
}

/** The PDF brochures: links to each, remove, upload another (up to 10). A form control over the ids. */
function BrochuresField({
  files,
  onUploaded,
  value = [],
  onChange,
}: FilesProps & { value?: string[]; onChange?: (ids: string[]) => void }) {
  const { t } = useTranslation();
  return (
    <Space direction="vertical">
      {value.length > 0 ? (
        <ul className="booth-brochures">
          {value.map((id, index) => {
            const file = files[id];
            const name =
              file?.name ?? t('exhibition.booth.brochure', { n: index + 1, size: file ? formatSize(file.size) : '' });
            return (
              <li key={id}>
                <a href={file?.url ?? `/api/files/${id}`} download>
                  <FilePdfOutlined aria-hidden /> {name}
                </a>{' '}
                <Button
                  size="small"
                  type="text"
                  danger
                  icon={<DeleteOutlined aria-hidden />}
                  aria-label={t('exhibition.editor.removeBrochure', { name })}
                  onClick={() => onChange?.(value.filter((other) => other !== id))}
                />
              </li>
            );
          })}
        </ul>
      ) : null}
      <UploadButton
        accept="application/pdf"
        label={t('exhibition.editor.uploadBrochure')}
        hint={t('exhibition.editor.pdfHint')}
        disabled={value.length >= MAX_BROCHURES}
        onUploaded={(uploaded, name) => {
          onUploaded(uploaded, name);
          onChange?.([...value, uploaded.id]);
        }}
      />
    </Space>
  );
}
