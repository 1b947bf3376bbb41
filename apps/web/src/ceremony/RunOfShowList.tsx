/**
 * The run-of-show in order. Staff reorder it by dragging a row or, from the keyboard, with the
 * up/down buttons; organisers cue, sign (one Idempotency-Key per click intent, so a double click
 * cannot sign twice), undo a signing with a reason, and remove planned agreements.
 */
import { ArrowDownOutlined, ArrowUpOutlined, HolderOutlined } from '@ant-design/icons';
import { App, Button, Popconfirm, Space, Tag } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LocalizedText } from '../common/LocalizedText';
import { errorMessage } from '../errors/messages';
import { moneyWithUsd } from './money';
import { Parties } from './Parties';
import type { Agreement } from './types';
import { UnsignDialog } from './UnsignDialog';
import {
  newSigningKey,
  useCueAgreement,
  useDeleteAgreement,
  useReorderAgreements,
  useSignAgreement,
} from './useCeremony';

interface Props {
  eventId: string;
  agreements: Agreement[];
  canPlan: boolean;
  canRun: boolean;
  cuedAgreementId: string | null;
}

function moved(ids: string[], from: number, to: number): string[] {
  const next = [...ids];
  const [id] = next.splice(from, 1);
  next.splice(to, 0, id);
  return next;
}

export function RunOfShowList({ eventId, agreements, canPlan, canRun, cuedAgreementId }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const reorder = useReorderAgreements(eventId);
  const cue = useCueAgreement(eventId);
  const sign = useSignAgreement(eventId);
  const remove = useDeleteAgreement(eventId);
  const [unsigning, setUnsigning] = useState<Agreement | null>(null);
  const [dragged, setDragged] = useState<number | null>(null);
  const signingIds = useRef(new Set<string>());
  const ids = agreements.map((a) => a.id);

  const fail = (error: unknown) => void message.error(errorMessage(t, error));
  const move = (from: number, to: number) => {
    if (to < 0 || to >= ids.length || from === to) return;
    reorder.mutate(moved(ids, from, to), { onError: fail });
  };
  const signNow = (agreement: Agreement) => {
    // One intent, one key: a second click while this one is on its way is ignored.
    if (signingIds.current.has(agreement.id)) return;
    signingIds.current.add(agreement.id);
    sign.mutate(
      { agreementId: agreement.id, key: newSigningKey() },
      {
        onError: fail,
        onSuccess: () => void message.success(t('ceremony.runOfShow.signed')),
        onSettled: () => signingIds.current.delete(agreement.id),
      },
    );
  };

  return (
    <>
      <ol className="run-of-show" aria-label={t('ceremony.runOfShow.listLabel')}>
        {agreements.map((agreement, index) => {
          const title = <LocalizedText value={agreement.title} />;
          const planned = agreement.status === 'planned';
          const signingThis = sign.isPending && sign.variables?.agreementId === agreement.id;
          return (
            <li
              key={agreement.id}
              className={[
                'run-of-show-item',
                agreement.status === 'signed' ? 'is-signed' : '',
                cuedAgreementId === agreement.id ? 'is-cued' : '',
                dragged === index ? 'is-dragged' : '',
              ].join(' ')}
              draggable={canPlan}
              onDragStart={(e) => {
                setDragged(index);
                e.dataTransfer.effectAllowed = 'move';
              }}
              onDragOver={(e) => {
                if (dragged !== null) e.preventDefault();
              }}
              onDrop={(e) => {
                e.preventDefault();
                if (dragged !== null) move(dragged, index);
                setDragged(null);
              }}
              onDragEnd={() => setDragged(null)}
              aria-label={t('ceremony.runOfShow.itemLabel', { n: agreement.order })}
            >
              <div className="run-of-show-order">
                {canPlan ? <HolderOutlined aria-hidden className="drag-handle" /> : null}
                <span className="run-of-show-number">{agreement.order}</span>
              </div>
              <div className="run-of-show-body">
                <div className="run-of-show-title">{title}</div>
                <Parties parties={agreement.parties} />
                <div className="run-of-show-facts">
                  <span className="tabular">{moneyWithUsd(agreement.investment, agreement.investmentUsd)}</span>
                  <Tag>{t(`ceremony.agreements.modes.${agreement.mode}`)}</Tag>
                  <Tag color={planned ? 'default' : 'green'}>
                    {t(`ceremony.agreements.statuses.${agreement.status}`)}
                  </Tag>
                  {cuedAgreementId === agreement.id ? (
                    <Tag color="red">{t('ceremony.runOfShow.nowSigning')}</Tag>
                  ) : null}
                </div>
              </div>
              <Space wrap className="run-of-show-actions">
                {canPlan ? (
                  <>
                    <Button
                      size="small"
                      icon={<ArrowUpOutlined aria-hidden />}
                      aria-label={t('ceremony.runOfShow.moveUp', { n: agreement.order })}
                      disabled={index === 0 || reorder.isPending}
                      onClick={() => move(index, index - 1)}
                    />
                    <Button
                      size="small"
                      icon={<ArrowDownOutlined aria-hidden />}
                      aria-label={t('ceremony.runOfShow.moveDown', { n: agreement.order })}
                      disabled={index === agreements.length - 1 || reorder.isPending}
                      onClick={() => move(index, index + 1)}
                    />
                  </>
                ) : null}
                {canRun ? (
                  <>
                    <Button
                      size="small"
                      onClick={() =>
                        cue.mutate(agreement.id, {
                          onError: fail,
                          onSuccess: () => void message.success(t('ceremony.runOfShow.cued')),
                        })
                      }
                    >
                      {t('ceremony.runOfShow.cue')}
                    </Button>
                    {planned ? (
                      <Button size="small" type="primary" loading={signingThis} onClick={() => signNow(agreement)}>
                        {t('ceremony.runOfShow.sign')}
                      </Button>
                    ) : (
                      <Button size="small" danger onClick={() => setUnsigning(agreement)}>
                        {t('ceremony.runOfShow.unsign')}
                      </Button>
                    )}
                    {planned ? (
                      <Popconfirm
                        title={t('ceremony.runOfShow.deleteConfirm')}
                        okText={t('ceremony.runOfShow.delete')}
                        cancelText={t('common.cancel')}
                        onConfirm={() => remove.mutateAsync(agreement.id).catch(fail)}
                      >
                        <Button size="small" danger type="text">
                          {t('ceremony.runOfShow.delete')}
                        </Button>
                      </Popconfirm>
                    ) : null}
                  </>
                ) : null}
              </Space>
            </li>
          );
        })}
      </ol>
      <UnsignDialog agreement={unsigning} onClose={() => setUnsigning(null)} />
    </>
  );
}
