import type { Localized } from './localized';

export interface Sector {
  code: string;
  label: Required<Localized>;
}

/**
 * The sector taxonomy used for companies, projects and agreements. Codes are stable identifiers
 * (they appear in reports and CSV imports); labels are shown in the viewer's language.
 */
export const SECTORS: readonly Sector[] = [
  { code: 'advanced_manufacturing', label: { en: 'Advanced manufacturing', zh: '先进制造', ko: '첨단 제조' } },
  { code: 'automotive', label: { en: 'Automotive and mobility', zh: '汽车与出行', ko: '자동차·모빌리티' } },
  { code: 'semiconductors', label: { en: 'Semiconductors and electronics', zh: '半导体与电子', ko: '반도체·전자' } },
  { code: 'new_energy', label: { en: 'New energy and batteries', zh: '新能源与电池', ko: '신에너지·배터리' } },
  { code: 'biomedicine', label: { en: 'Biomedicine and health', zh: '生物医药与健康', ko: '바이오·헬스케어' } },
  { code: 'cosmetics', label: { en: 'Cosmetics and beauty', zh: '化妆品与美容', ko: '화장품·뷰티' } },
  { code: 'food', label: { en: 'Food and agriculture', zh: '食品与农业', ko: '식품·농업' } },
  { code: 'retail', label: { en: 'Retail and consumer goods', zh: '零售与消费品', ko: '유통·소비재' } },
  { code: 'ecommerce', label: { en: 'Cross-border e-commerce', zh: '跨境电商', ko: '국경 간 전자상거래' } },
  { code: 'logistics', label: { en: 'Logistics and shipping', zh: '物流与航运', ko: '물류·해운' } },
  { code: 'marine', label: { en: 'Marine economy', zh: '海洋经济', ko: '해양 경제' } },
  {
    code: 'digital',
    label: { en: 'Digital economy and software', zh: '数字经济与软件', ko: '디지털 경제·소프트웨어' },
  },
  { code: 'new_infrastructure', label: { en: 'New infrastructure', zh: '新基建', ko: '신인프라' } },
  {
    code: 'culture_tourism',
    label: { en: 'Culture, media and tourism', zh: '文化旅游与传媒', ko: '문화·관광·미디어' },
  },
  { code: 'finance', label: { en: 'Finance and investment', zh: '金融与投资', ko: '금융·투자' } },
  { code: 'real_estate', label: { en: 'Real estate and construction', zh: '房地产与建筑', ko: '부동산·건설' } },
  { code: 'education', label: { en: 'Education and training', zh: '教育培训', ko: '교육·훈련' } },
  { code: 'professional_services', label: { en: 'Professional services', zh: '专业服务', ko: '전문 서비스' } },
];

export const SECTOR_CODES: ReadonlySet<string> = new Set(SECTORS.map((s) => s.code));
