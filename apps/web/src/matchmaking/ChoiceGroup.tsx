/**
 * Radio buttons as one named radio group. antd's Radio.Group renders a plain div, so screen
 * readers would hear the options without the question; this wraps it in a labelled radiogroup.
 * Works as a form control (value / onChange go to the Radio.Group).
 */
import { Radio, type RadioGroupProps } from 'antd';

export function ChoiceGroup({ label, ...props }: RadioGroupProps & { label: string }) {
  return (
    <div role="radiogroup" aria-label={label}>
      <Radio.Group {...props} />
    </div>
  );
}
