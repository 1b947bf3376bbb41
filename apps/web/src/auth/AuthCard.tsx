/**
 * The frame of the login and sign-up pages: a narrow page with its heading, then a card with the
 * API error (if any), the form, and a line linking to the other page ("No account yet? Sign up").
 */
import { Card, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { PageHeading } from '../common/PageHeading';
import { ErrorAlert } from '../errors/ErrorAlert';
import type { UnplacedFieldError } from '../errors/useFormErrors';

interface Props {
  title: string;
  intro: string;
  /** The last failed request, shown above the form. */
  error: unknown;
  /** Field errors that could not be placed on a form field. */
  unplaced: UnplacedFieldError[];
  /** The line under the form: a question and a link to the page that answers it. */
  footer: { text: string; to: string; link: string };
  /** The form. */
  children: React.ReactNode;
}

export function AuthCard({ title, intro, error, unplaced, footer, children }: Props) {
  return (
    <div className="narrow-page">
      <PageHeading title={title} intro={intro} />
      <Card>
        <ErrorAlert error={error} unplaced={unplaced} />
        {children}
        <Typography.Paragraph className="form-footer">
          {footer.text} <Link to={footer.to}>{footer.link}</Link>
        </Typography.Paragraph>
      </Card>
    </div>
  );
}
