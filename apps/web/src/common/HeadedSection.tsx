/**
 * A page section named by its h2 (`aria-labelledby`), with the section's action (a button or a
 * link) at the end of the heading row.
 */
import { Typography } from 'antd';
import { useId } from 'react';

interface Props {
  title: React.ReactNode;
  /** Shown beside the heading; wraps under it on narrow screens. */
  action: React.ReactNode;
  className?: string;
  children: React.ReactNode;
}

export function HeadedSection({ title, action, className, children }: Props) {
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className={className}>
      <div className="section-heading-row">
        <Typography.Title level={2} id={headingId} className="section-title">
          {title}
        </Typography.Title>
        {action}
      </div>
      {children}
    </section>
  );
}
