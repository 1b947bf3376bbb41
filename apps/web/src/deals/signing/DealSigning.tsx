import type { User } from '../../api/types';
import type { Deal } from '../types';

export function DealSigning(_props: { deal: Deal; user: User }) {
  return null;
}
