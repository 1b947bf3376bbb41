/** Column transformers shared by entities. */
import type { ValueTransformer } from 'typeorm';

/** A short list of codes kept as JSON in a varchar (which, unlike TEXT, may have a default everywhere). */
export const jsonList: ValueTransformer = {
  to: (value: string[] | undefined) => (value === undefined ? undefined : JSON.stringify(value)),
  from: (value: string | null) => (value ? (JSON.parse(value) as string[]) : []),
};
