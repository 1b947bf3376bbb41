/** The privacy policy's text in the reader's language: what, why, how long, who, and where data goes. */
import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';

const SECTIONS = ['collected', 'why', 'retention', 'operator', 'crossBorder', 'rights'] as const;

export function PolicyText({ headingLevel = 2 }: { headingLevel?: 2 | 3 }) {
  const { t } = useTranslation();
  return (
    <div className="privacy-policy">
      {SECTIONS.map((section) => (
        <section key={section} aria-labelledby={`policy-${section}`}>
          <Typography.Title level={headingLevel} id={`policy-${section}`}>
            {t(`privacy.policy.${section}Title`)}
          </Typography.Title>
          <Typography.Paragraph>{t(`privacy.policy.${section}`)}</Typography.Paragraph>
        </section>
      ))}
    </div>
  );
}
