import { Typography } from 'antd';

/** The page's one h1 and an optional intro paragraph. */
export function PageHeading({ title, intro }: { title: React.ReactNode; intro?: React.ReactNode }) {
  return (
    <header className="page-heading">
      <Typography.Title level={1}>{title}</Typography.Title>
      {intro ? <Typography.Paragraph type="secondary">{intro}</Typography.Paragraph> : null}
    </header>
  );
}
