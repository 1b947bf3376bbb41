/** Home: a welcome in all three languages and the next steps for the viewer. */
import { Card, Col, Row, Space, Typography } from 'antd';
import { ButtonLink } from '../common/ButtonLink';
import { useTranslation } from 'react-i18next';
import { LOCALES } from '@ilr/shared';
import { useCurrentUser } from '../auth/useAuth';
import { PageHeading } from '../common/PageHeading';
import { LOCALE_LABELS } from '../i18n';

export function HomePage() {
  const { t, i18n } = useTranslation();
  const { user } = useCurrentUser();

  return (
    <>
      <PageHeading title={t('home.welcome')} intro={t('home.intro')} />
      <Space wrap className="home-actions">
        {user ? null : (
          <ButtonLink to="/signup" type="primary" size="large">
            {t('home.ctaSignup')}
          </ButtonLink>
        )}
        {user && !user.companyId ? (
          <ButtonLink to="/my-company" type="primary" size="large">
            {t('home.ctaCompany')}
          </ButtonLink>
        ) : null}
        <ButtonLink to="/events" size="large">
          {t('home.ctaEvents')}
        </ButtonLink>
        <ButtonLink to="/companies" size="large">
          {t('home.ctaDirectory')}
        </ButtonLink>
        <ButtonLink to="/projects" size="large">
          {t('ceremony.projects.title')}
        </ButtonLink>
      </Space>

      <section aria-labelledby="home-welcome-all" className="home-section">
        <Typography.Title level={2} id="home-welcome-all">
          {t('home.inYourLanguages')}
        </Typography.Title>
        <Row gutter={[16, 16]}>
          {LOCALES.map((locale) => {
            const fixed = i18n.getFixedT(locale);
            return (
              <Col xs={24} md={8} key={locale}>
                <Card lang={locale} title={LOCALE_LABELS[locale]} size="small">
                  <Typography.Title level={3} className="welcome-title">
                    {fixed('home.welcome')}
                  </Typography.Title>
                  <Typography.Paragraph>{fixed('home.intro')}</Typography.Paragraph>
                </Card>
              </Col>
            );
          })}
        </Row>
      </section>

      <section aria-labelledby="home-features" className="home-section">
        <Typography.Title level={2} id="home-features">
          {t('home.features.title')}
        </Typography.Title>
        <ul>
          <li>{t('home.features.profile')}</li>
          <li>{t('home.features.directory')}</li>
          <li>{t('home.features.events')}</li>
        </ul>
      </section>
    </>
  );
}
