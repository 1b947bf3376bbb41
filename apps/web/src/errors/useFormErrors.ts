/**
 * Puts the API's `details.fieldErrors` (translated by code) onto the form fields they belong to. Fields the form does not
 * show (or nested paths under a composite field such as `name.zh`) go to the closest shown
 * ancestor; anything left is returned so the page can list it in its error alert.
 */
import { useCallback, useState } from 'react';
import type { FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/client';
import { fieldLabel, fieldMessage, fieldProblem, toNamePath } from './messages';

export interface UnplacedFieldError {
  field: string;
  message: string;
}

export function useFormErrors(form: FormInstance, shownFields: readonly string[]) {
  const { t } = useTranslation();
  const [unplaced, setUnplaced] = useState<UnplacedFieldError[]>([]);

  const apply = useCallback(
    (error: unknown) => {
      const rest: UnplacedFieldError[] = [];
      if (isApiError(error)) {
        const byField = new Map<string, string[]>();
        for (const [path, problem] of Object.entries(error.fieldErrors)) {
          const message = fieldMessage(t, problem);
          const parts = path.split('.');
          let target: string | undefined;
          for (let n = parts.length; n > 0 && !target; n--) {
            const candidate = parts.slice(0, n).join('.');
            if (shownFields.includes(candidate)) target = candidate;
          }
          // A part of a composite field (`name.zh` under `name`) says which part it is about.
          const shown = target && target !== path ? fieldProblem(t, path, problem) : message;
          if (target) byField.set(target, [...(byField.get(target) ?? []), shown]);
          else rest.push({ field: fieldLabel(t, path), message });
        }
        form.setFields(
          [...byField].map(([name, errors]) => ({ name: toNamePath(name), errors: [...new Set(errors)] })),
        );
      }
      setUnplaced(rest);
    },
    [form, shownFields, t],
  );

  const clear = useCallback(() => setUnplaced([]), []);
  return { apply, unplaced, clear };
}
