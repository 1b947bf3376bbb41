/**
 * A badge code, typed (or read by a hand scanner acting as a keyboard) or scanned with the camera:
 * the check-in desk and the booth's lead scanner take badges the same way.
 */
import { Button, Form, Input, type InputRef } from 'antd';
import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { FIELD_LIMITS } from '@ilr/shared';
import { BadgeScanner } from './BadgeScanner';

interface Props {
  inputId: string;
  inputRef: Ref<InputRef>;
  code: string;
  onCodeChange: (code: string) => void;
  onSubmit: (code: string) => void;
  submitLabel: string;
  loading: boolean;
}

export function BadgeCodeEntry({ inputId, inputRef, code, onCodeChange, onSubmit, submitLabel, loading }: Props) {
  const { t } = useTranslation();
  return (
    <>
      <Form layout="vertical" onFinish={() => onSubmit(code)}>
        <Form.Item label={t('checkIn.code')} htmlFor={inputId} extra={t('checkIn.codeHint')}>
          <Input
            id={inputId}
            ref={inputRef}
            value={code}
            autoFocus
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            maxLength={FIELD_LIMITS.badgeCode.max}
            onChange={(e) => onCodeChange(e.target.value)}
            size="large"
          />
        </Form.Item>
        <Button type="primary" htmlType="submit" size="large" loading={loading} disabled={!code.trim()}>
          {submitLabel}
        </Button>
      </Form>
      <BadgeScanner onCode={onSubmit} />
    </>
  );
}
