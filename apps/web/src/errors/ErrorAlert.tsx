import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorMessage } from './messages';
import type { UnplacedFieldError } from './useFormErrors';

interface Props {
  error: unknown;
  /** Field errors that could not be shown on a form field. */
  unplaced?: UnplacedFieldError[];
}

/** A translated API error, announced to screen readers. Renders nothing without an error. */
export function ErrorAlert({ error, unplaced = [] }: Props) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      message={errorMessage(t, error)}
      description={
        unplaced.length > 0 ? (
          <>
            {t('errors.fieldsTitle')}
            <ul>
              {unplaced.map((u) => (
                <li key={`${u.field}: ${u.message}`}>
                  {t('errors.fieldProblem', { field: u.field, message: u.message })}
                </li>
              ))}
            </ul>
          </>
        ) : undefined
      }
      style={{ marginBottom: 16 }}
    />
  );
}
