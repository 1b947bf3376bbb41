/** A router link that looks like an antd button (one <a>, not a button nested in a link). */
import { Button, type ButtonProps } from 'antd';
import { useHref, useLinkClickHandler } from 'react-router-dom';

type Props = Omit<ButtonProps, 'href' | 'onClick'> & { to: string };

export function ButtonLink({ to, ...props }: Props) {
  const href = useHref(to);
  const onClick = useLinkClickHandler<HTMLElement>(to);
  return <Button {...props} href={href} onClick={(e) => onClick(e as React.MouseEvent<HTMLAnchorElement>)} />;
}
