import { Tag, Typography } from 'antd';

interface Props {
  items: string[];
  empty?: React.ReactNode;
  max?: number;
}

/** Keywords (offers / needs) as tags; `max` truncates with a "+N" tag. */
export function TagList({ items, empty = null, max }: Props) {
  if (items.length === 0) return <Typography.Text type="secondary">{empty}</Typography.Text>;
  const shown = max ? items.slice(0, max) : items;
  return (
    <span>
      {shown.map((item) => (
        <Tag key={item}>{item}</Tag>
      ))}
      {max && items.length > max ? <Tag>+{items.length - max}</Tag> : null}
    </span>
  );
}
