/**
 * Demo data modelled on the opening of the China–Korea "International Living Room" in Qingdao's
 * Chengyang district (23 June 2020). Firm names are illustrative; ids are fixed so seeding is
 * idempotent.
 */
import type { Locale, Localized } from '@ilr/shared';

export const DEMO_PASSWORD = 'living-room-demo';

export interface DemoUser {
  id: string;
  email: string;
  displayName: string;
  role: 'promoter' | 'member';
  locale: Locale;
  timeZone: string;
  companyId?: string;
}

export interface DemoCompany {
  id: string;
  name: Required<Localized>;
  country: 'KR' | 'CN';
  sector: string;
  offers: string[];
  needs: string[];
  description: Localized;
  website?: string;
}

export const c = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
export const u = (n: number) => `00000000-0000-4000-9000-${String(n).padStart(12, '0')}`;

export const DEMO_COMPANIES: DemoCompany[] = [
  {
    id: c(1),
    name: { zh: '韩源新零售', ko: '한원 뉴리테일', en: 'Hanyuan New Retail' },
    country: 'KR',
    sector: 'retail',
    offers: ['Korean consumer brands', 'weekend warehouse retail format', 'membership store operations'],
    needs: ['retail space in Chengyang', 'cold-chain logistics partner', 'cross-border e-commerce licence'],
    description: {
      zh: '经营韩国进口商品的新零售企业,以“周末仓库”会员制门店连接韩国品牌与中国家庭。',
      ko: '한국 수입 상품을 취급하는 뉴리테일 기업으로, ‘주말 창고’ 회원제 매장으로 한국 브랜드와 중국 가정을 연결합니다.',
      en: 'New-retail company selling imported Korean goods through "weekend warehouse" membership stores.',
    },
  },
  {
    id: c(2),
    name: { zh: '韩星化妆品', ko: '한성코스메틱', en: 'Hansung Cosmetics' },
    country: 'KR',
    sector: 'cosmetics',
    offers: ['K-beauty skincare lines', 'OEM/ODM formulation'],
    needs: ['NMPA registration support', 'distributors in North China'],
    description: {
      ko: '기초 화장품 전문 제조사. 중국 화북 지역 유통 파트너를 찾고 있습니다.',
      en: 'Skincare manufacturer looking for North China distribution.',
    },
  },
  {
    id: c(3),
    name: { zh: '大韩精密电子', ko: '대한정밀전자', en: 'Daehan Precision Electronics' },
    country: 'KR',
    sector: 'semiconductors',
    offers: ['power semiconductor modules', 'SMT assembly know-how'],
    needs: ['factory land in an industrial park', 'local engineering talent'],
    description: {
      ko: '전력 반도체 모듈 제조사',
      en: 'Maker of power semiconductor modules.',
      zh: '功率半导体模块制造商。',
    },
  },
  {
    id: c(4),
    name: { zh: '釜山海洋物流', ko: '부산해양물류', en: 'Busan Marine Logistics' },
    country: 'KR',
    sector: 'logistics',
    offers: ['Busan–Qingdao sea freight', 'bonded warehousing'],
    needs: ['rail links to Central Asia', 'customs brokerage partner'],
    description: {
      ko: '부산–칭다오 해상 운송과 보세 창고를 운영합니다.',
      en: 'Runs Busan–Qingdao sea freight and bonded warehouses.',
    },
  },
  {
    id: c(5),
    name: { zh: '首尔未来出行', ko: '서울퓨처모빌리티', en: 'Seoul Future Mobility' },
    country: 'KR',
    sector: 'automotive',
    offers: ['EV charging controllers', 'fleet telematics'],
    needs: ['new-energy vehicle makers', 'pilot sites for charging piles'],
    description: { en: 'EV charging and fleet telematics start-up.', ko: '전기차 충전 및 차량 관제 스타트업' },
  },
  {
    id: c(6),
    name: { zh: '仁川生物制药', ko: '인천바이오제약', en: 'Incheon Biopharma' },
    country: 'KR',
    sector: 'biomedicine',
    offers: ['biosimilar pipeline', 'GMP consulting'],
    needs: ['clinical trial partners', 'licensing-in partners'],
    description: { ko: '바이오시밀러 개발사', en: 'Biosimilar developer.' },
  },
  {
    id: c(7),
    name: { zh: '韩国文化内容振兴社', ko: '케이컬처콘텐츠', en: 'K-Culture Content' },
    country: 'KR',
    sector: 'culture_tourism',
    offers: ['K-pop live events', 'animation licensing'],
    needs: ['venues in Qingdao', 'co-production partners'],
    description: { ko: '공연·애니메이션 콘텐츠 기업', zh: '演出与动漫内容企业。' },
  },
  {
    id: c(101),
    name: { zh: '青岛众瑞智能仪器', ko: '칭다오 중루이 스마트계측', en: 'Qingdao Zhongrui Smart Instruments' },
    country: 'CN',
    sector: 'advanced_manufacturing',
    offers: ['environmental monitoring instruments', 'new factory capacity'],
    needs: ['Korean sensor suppliers', 'export channels to Korea'],
    description: {
      zh: '环境监测仪器制造商,新建厂房已投入使用。',
      en: 'Environmental monitoring instrument maker with new capacity.',
    },
  },
  {
    id: c(102),
    name: { zh: '城阳轨道交通新材料', ko: '청양 궤도교통 신소재', en: 'Chengyang Rail Transit Materials' },
    country: 'CN',
    sector: 'advanced_manufacturing',
    offers: ['lightweight car-body materials', 'rail transit supply chain'],
    needs: ['Korean precision components', 'joint R&D'],
    description: { zh: '轨道交通新材料企业,服务千亿级产业链。', ko: '궤도교통 신소재 기업' },
  },
  {
    id: c(103),
    name: { zh: '青岛光子五G科技', ko: '칭다오 광자 5G 테크', en: 'Qingdao Photon 5G Technology' },
    country: 'CN',
    sector: 'new_infrastructure',
    offers: ['5G smart towers', 'edge computing sites'],
    needs: ['Korean IoT device makers', 'smart-city pilots'],
    description: { zh: '5G智慧塔建设与运营。', en: 'Builds and runs 5G smart towers.' },
  },
  {
    id: c(104),
    name: { zh: '海信网络数字城市', ko: '하이센스 디지털시티', en: 'Hisense Digital City Networks' },
    country: 'CN',
    sector: 'digital',
    offers: ['digital city platforms', 'traffic management systems'],
    needs: ['Korean AI vision partners'],
    description: { zh: '数字城市与智慧交通解决方案。' },
  },
  {
    id: c(105),
    name: {
      zh: '青岛跨境电商产业园',
      ko: '칭다오 국경간 전자상거래 산업단지',
      en: 'Qingdao Cross-border E-commerce Park',
    },
    country: 'CN',
    sector: 'ecommerce',
    offers: ['bonded e-commerce warehouse', 'live-streaming studios'],
    needs: ['Korean brands', 'retail operators'],
    description: {
      zh: '提供保税仓与直播基地的跨境电商园区。',
      ko: '보세 창고와 라이브커머스 스튜디오를 갖춘 산업단지',
    },
  },
  {
    id: c(106),
    name: { zh: '山东新能源汽车', ko: '산둥 신에너지자동차', en: 'Shandong New Energy Vehicles' },
    country: 'CN',
    sector: 'automotive',
    offers: ['NEV assembly', 'charging network sites'],
    needs: ['charging controllers', 'battery management systems'],
    description: { zh: '新能源汽车整车制造。', en: 'New-energy vehicle assembler.' },
  },
  {
    id: c(107),
    name: { zh: '胶州湾冷链物流', ko: '자오저우만 콜드체인', en: 'Jiaozhou Bay Cold Chain' },
    country: 'CN',
    sector: 'logistics',
    offers: ['cold-chain warehousing', 'last-mile delivery in Qingdao'],
    needs: ['imported food and cosmetics clients'],
    description: { zh: '冷链仓储与城市配送。', ko: '콜드체인 창고와 시내 배송' },
  },
];

export const DEMO_USERS: DemoUser[] = [
  {
    id: u(1),
    email: 'promoter@living-room.local',
    displayName: '王招商',
    role: 'promoter',
    locale: 'zh-CN',
    timeZone: 'Asia/Shanghai',
  },
  {
    id: u(2),
    email: 'kim@hanyuan.example',
    displayName: '김민준',
    role: 'member',
    locale: 'ko-KR',
    timeZone: 'Asia/Seoul',
    companyId: c(1),
  },
  {
    id: u(3),
    email: 'li@zhongrui.example',
    displayName: '李明',
    role: 'member',
    locale: 'zh-CN',
    timeZone: 'Asia/Shanghai',
    companyId: c(101),
  },
  {
    id: u(4),
    email: 'park@hansung.example',
    displayName: 'Park Ji-woo',
    role: 'member',
    locale: 'en',
    timeZone: 'Asia/Seoul',
    companyId: c(2),
  },
];

const e = (n: number) => `00000000-0000-4000-a000-${String(n).padStart(12, '0')}`;
const s = (n: number) => `00000000-0000-4000-b000-${String(n).padStart(12, '0')}`;

export interface DemoSession {
  id: string;
  title: Required<Localized>;
  kind: 'talk' | 'pitch' | 'panel' | 'signing';
  /** Offsets from the event start, in minutes. */
  from: number;
  to: number;
  speakerUserIds?: string[];
}

export interface DemoEvent {
  id: string;
  kind: 'forum' | 'roadshow' | 'matchmaking' | 'ceremony';
  title: Required<Localized>;
  description: Localized;
  /** A fixed instant, or days from today at a given Seoul hour (so the demo always has a live and an upcoming event). */
  when: { at: string } | { daysFromToday: number; seoulHour: number };
  minutes: number;
  timeZone: string;
  venue: string;
  format: 'onsite' | 'online' | 'hybrid';
  status: 'published' | 'live' | 'ended';
  sessions: DemoSession[];
  registeredUserIds: string[];
}

export const DEMO_EVENTS: DemoEvent[] = [
  {
    id: e(1),
    kind: 'forum',
    title: {
      zh: '中韩交流合作“国际客厅”开厅仪式',
      ko: '한중 교류협력 ‘국제 응접실’ 개관식',
      en: 'Opening of the China–Korea International Living Room',
    },
    description: {
      zh: '国际客厅集会议、论坛、路演、招商、展示等功能于一体,“云端客厅”同步启用。8个重点项目现场签约,总投资2.7亿美元。',
      ko: '회의·포럼·로드쇼·투자 유치·전시를 한곳에 모은 국제 응접실이 문을 열고, ‘클라우드 응접실’이 동시에 가동되었습니다. 8개 중점 프로젝트가 현장에서 체결되었으며 총투자액은 2억 7천만 달러입니다.',
      en: 'One place for meetings, forums, roadshows, investment promotion and exhibition, with its online twin, the Cloud Living Room, started at the same moment. Eight key projects were signed on site, US$270 million in total.',
    },
    when: { at: '2020-06-23T09:00:00+08:00' },
    minutes: 180,
    timeZone: 'Asia/Shanghai',
    venue: 'Chengyang District, Qingdao',
    format: 'hybrid',
    status: 'ended',
    sessions: [
      {
        id: s(1),
        title: {
          zh: '开厅论坛:打造中韩交流合作桥头堡',
          ko: '개관 포럼: 한중 교류협력의 교두보',
          en: 'Opening forum: a bridgehead for China–Korea cooperation',
        },
        kind: 'talk',
        from: 0,
        to: 60,
        speakerUserIds: [u(1)],
      },
      {
        id: s(2),
        title: {
          zh: '云端路演:韩国重点企业',
          ko: '클라우드 로드쇼: 한국 중점 기업',
          en: 'Cloud roadshow: key Korean firms',
        },
        kind: 'pitch',
        from: 70,
        to: 130,
      },
      {
        id: s(3),
        title: { zh: '重点项目集中签约', ko: '중점 프로젝트 합동 협약 체결', en: 'Signing of key projects' },
        kind: 'signing',
        from: 140,
        to: 180,
      },
    ],
    registeredUserIds: [u(2), u(3)],
  },
  {
    id: e(2),
    kind: 'roadshow',
    title: {
      zh: '云端客厅:韩国新零售与美妆路演',
      ko: '클라우드 응접실: 한국 뉴리테일·뷰티 로드쇼',
      en: 'Cloud Living Room: Korean new retail and beauty roadshow',
    },
    description: {
      zh: '韩国企业在线路演,欢迎本地企业提问并预约对接洽谈。',
      ko: '한국 기업의 온라인 로드쇼입니다. 현지 기업의 질문과 비즈니스 매칭 상담 신청을 환영합니다.',
      en: 'Korean firms pitch online; local firms ask questions and request one-to-one meetings.',
    },
    // Yesterday 00:00 to tomorrow 23:59 Seoul time: live whenever the demo is seeded, whatever the
    // hour, with today's two pitches in the middle.
    when: { daysFromToday: -1, seoulHour: 0 },
    minutes: 3 * 24 * 60 - 1,
    timeZone: 'Asia/Seoul',
    venue: 'Cloud Living Room (online)',
    format: 'online',
    status: 'live',
    sessions: [
      {
        id: s(11),
        title: {
          zh: '韩源新零售:周末仓库',
          ko: '한원 뉴리테일: 주말 창고',
          en: 'Hanyuan New Retail: the Weekend Warehouse',
        },
        kind: 'pitch',
        from: 24 * 60,
        to: 36 * 60,
        speakerUserIds: [u(2)],
      },
      {
        id: s(12),
        title: {
          zh: '韩星化妆品:K-美妆进入华北',
          ko: '한성코스메틱: K-뷰티 화북 진출',
          en: 'Hansung Cosmetics: K-beauty in North China',
        },
        kind: 'pitch',
        from: 36 * 60,
        to: 48 * 60 - 1,
        speakerUserIds: [u(4)],
      },
    ],
    registeredUserIds: [u(3)],
  },
  {
    id: e(3),
    kind: 'roadshow',
    title: {
      zh: '新基建项目阳光发布路演',
      ko: '신인프라 프로젝트 공개 발표 로드쇼',
      en: 'New infrastructure projects: sunshine release roadshow',
    },
    description: {
      zh: '5G、充电桩、数据中心、工业互联网等新基建项目公开发布,诚邀中韩企业参与。',
      ko: '5G, 충전소, 데이터센터, 산업 인터넷 등 신인프라 프로젝트를 공개 발표합니다.',
      en: '5G, charging piles, data centres and industrial internet projects published openly for investors.',
    },
    when: { daysFromToday: 7, seoulHour: 10 },
    minutes: 120,
    timeZone: 'Asia/Seoul',
    venue: 'Chengyang District, Qingdao / online',
    format: 'hybrid',
    status: 'published',
    sessions: [
      {
        id: s(21),
        title: {
          zh: '城阳新基建项目介绍',
          ko: '청양구 신인프라 프로젝트 소개',
          en: 'Chengyang new infrastructure projects',
        },
        kind: 'talk',
        from: 0,
        to: 45,
        speakerUserIds: [u(1)],
      },
      {
        id: s(22),
        title: {
          zh: '圆桌:中韩企业如何参与',
          ko: '패널: 한중 기업의 참여 방안',
          en: 'Panel: how Korean and Chinese firms take part',
        },
        kind: 'panel',
        from: 50,
        to: 120,
      },
    ],
    registeredUserIds: [],
  },
  {
    id: e(4),
    kind: 'matchmaking',
    title: {
      zh: '中韩企业一对一洽谈会',
      ko: '한중 기업 1:1 비즈니스 상담회',
      en: 'Korea–China one-to-one business matchmaking',
    },
    description: {
      zh: '韩国企业与城阳本地企业面对面或视频一对一洽谈,由招商人员统一排期。',
      ko: '한국 기업과 청양 현지 기업이 대면 또는 화상으로 1:1 상담을 진행하며, 투자유치 담당자가 일정을 배정합니다.',
      en: 'Korean firms meet Chengyang firms one to one, at numbered tables or by video, scheduled by the promoters.',
    },
    when: { daysFromToday: 1, seoulHour: 10 },
    minutes: 180,
    timeZone: 'Asia/Shanghai',
    venue: 'International Living Room, Chengyang District, Qingdao',
    format: 'hybrid',
    status: 'published',
    sessions: [],
    registeredUserIds: [],
  },
  {
    id: e(5),
    kind: 'ceremony',
    title: {
      zh: '国际客厅重点项目集中签约仪式',
      ko: '국제 응접실 중점 프로젝트 합동 체결식',
      en: 'International Living Room key projects signing ceremony',
    },
    description: {
      zh: '开厅当日,8个重点项目现场及云端签约,总投资2.7亿美元。',
      ko: '개관 당일 8개 중점 프로젝트가 현장과 온라인으로 체결되었으며 총투자액은 2억 7천만 달러입니다.',
      en: 'On the opening day eight key projects were signed on site and in the cloud, US$270 million in total.',
    },
    when: { at: '2020-06-23T11:00:00+08:00' },
    minutes: 60,
    timeZone: 'Asia/Shanghai',
    venue: 'International Living Room, Chengyang District, Qingdao',
    format: 'hybrid',
    status: 'ended',
    sessions: [],
    registeredUserIds: [],
  },
];

/** The matchmaking event of the demo (slots, tables, requests in every state, a committed schedule). */
export const DEMO_MATCHMAKING_EVENT = e(4);

/** Offer and need tags (codes of TAGS) of the demo firms, so recommendations have something to match. */
export const DEMO_TAGS: Record<string, { offerTags: string[]; needTags: string[] }> = {
  [c(1)]: { offerTags: ['sourcing', 'marketing', 'export'], needTags: ['land_and_sites', 'logistics', 'market_entry'] },
  [c(2)]: { offerTags: ['manufacturing', 'technology'], needTags: ['certification', 'distribution'] },
  [c(3)]: { offerTags: ['components', 'technology'], needTags: ['land_and_sites', 'joint_venture'] },
  [c(4)]: { offerTags: ['logistics'], needTags: ['market_entry', 'distribution'] },
  [c(5)]: { offerTags: ['components', 'technology'], needTags: ['joint_venture', 'market_entry'] },
  [c(6)]: { offerTags: ['technology', 'rnd'], needTags: ['rnd', 'investment'] },
  [c(7)]: { offerTags: ['marketing'], needTags: ['land_and_sites', 'joint_venture'] },
  [c(101)]: { offerTags: ['manufacturing'], needTags: ['components', 'export'] },
  [c(102)]: { offerTags: ['manufacturing', 'components'], needTags: ['components', 'joint_venture'] },
  [c(103)]: { offerTags: ['land_and_sites'], needTags: ['technology'] },
  [c(104)]: { offerTags: ['ecommerce', 'technology'], needTags: ['technology', 'rnd'] },
  [c(105)]: { offerTags: ['ecommerce', 'logistics', 'land_and_sites'], needTags: ['sourcing', 'export'] },
  [c(106)]: { offerTags: ['market_entry', 'land_and_sites'], needTags: ['components', 'technology'] },
  [c(107)]: { offerTags: ['logistics', 'distribution'], needTags: ['sourcing'] },
};

/** Firms attending online (the rest attend onsite), and the demo's requests: from, to, final state. */
export const DEMO_ONLINE = [c(6), c(104)];
export const DEMO_REQUESTS: {
  from: string;
  to: string;
  state: 'accepted' | 'pending' | 'declined' | 'cancelled' | 'expired';
}[] = [
  { from: c(1), to: c(105), state: 'accepted' },
  { from: c(2), to: c(107), state: 'accepted' },
  { from: c(3), to: c(102), state: 'accepted' },
  { from: c(5), to: c(106), state: 'accepted' },
  { from: c(4), to: c(105), state: 'accepted' },
  { from: c(6), to: c(104), state: 'accepted' },
  { from: c(107), to: c(1), state: 'accepted' },
  { from: c(101), to: c(3), state: 'accepted' },
  { from: c(106), to: c(3), state: 'accepted' },
  { from: c(102), to: c(7), state: 'accepted' },
  { from: c(103), to: c(5), state: 'pending' },
  { from: c(7), to: c(103), state: 'pending' },
  { from: c(2), to: c(105), state: 'declined' },
  { from: c(102), to: c(5), state: 'cancelled' },
  { from: c(101), to: c(4), state: 'expired' },
];

/** Booths of the demo firms at the matchmaking event: headline, products and their pictures. */
export const DEMO_BOOTHS: {
  companyId: string;
  headline: Required<Localized>;
  products: {
    name: Required<Localized>;
    image: 'skincare' | 'battery' | 'logistics' | 'chip' | 'charger' | 'sensor';
  }[];
}[] = [
  {
    companyId: c(2),
    headline: {
      zh: '韩国基础护肤,诚招华北经销商',
      ko: '한국 기초 화장품, 화북 유통 파트너 모집',
      en: 'Korean skincare seeking North China distributors',
    },
    products: [{ name: { zh: '保湿面霜', ko: '수분 크림', en: 'Moisturising cream' }, image: 'skincare' }],
  },
  {
    companyId: c(3),
    headline: { zh: '动力模块与组装技术', ko: '파워 모듈과 조립 기술', en: 'Power modules and assembly know-how' },
    products: [
      {
        name: { zh: '储能电池模组', ko: '에너지 저장 배터리 모듈', en: 'Energy storage battery module' },
        image: 'battery',
      },
    ],
  },
  {
    companyId: c(4),
    headline: {
      zh: '釜山—青岛海运与仓储',
      ko: '부산–칭다오 해운과 창고',
      en: 'Busan–Qingdao shipping and warehousing',
    },
    products: [
      { name: { zh: '整柜海运服务', ko: '컨테이너 해상 운송', en: 'Full-container shipping' }, image: 'logistics' },
    ],
  },
  {
    companyId: c(5),
    headline: { zh: '电动汽车控制器', ko: '전기차 제어기', en: 'EV controllers and telematics' },
    products: [{ name: { zh: '电机控制芯片', ko: '모터 제어 칩', en: 'Motor control chip' }, image: 'chip' }],
  },
  {
    companyId: c(101),
    headline: {
      zh: '环境监测仪器,寻找韩国传感器伙伴',
      ko: '환경 측정기기, 한국 센서 파트너 모집',
      en: 'Environmental instruments; Korean sensor partners wanted',
    },
    products: [{ name: { zh: '空气质量传感器', ko: '대기질 센서', en: 'Air quality sensor' }, image: 'sensor' }],
  },
  {
    companyId: c(106),
    headline: { zh: '城阳新能源充电网络', ko: '청양 신에너지 충전망', en: 'Chengyang new-energy charging network' },
    products: [{ name: { zh: '直流快充桩', ko: 'DC 급속 충전기', en: 'DC fast charger' }, image: 'charger' }],
  },
];

/** The signing ceremony of the opening (the source's headline: 8 projects, US$270 million). */
export const DEMO_CEREMONY_EVENT = e(5);

/** The exchange rates the demo tally uses (USD per unit), as of the day before the opening. */
export const DEMO_RATES = [
  { currency: 'CNY', usdPerUnit: '0.14', asOf: '2020-06-22' },
  { currency: 'KRW', usdPerUnit: '0.00075', asOf: '2020-06-22' },
];

export interface DemoProject {
  title: Required<Localized>;
  sector: string;
  location: string;
  investment: { amount: string; currency: string };
  /** Signed at the ceremony, planned on its run-of-show, or only in the catalogue. */
  agreement: { partyCompanyIds: [string, string]; mode: 'onsite' | 'cloud'; signed: boolean } | null;
  /**
   * The deal a promoter followed to this signed agreement: signed through the agreement (the
   * deal pipeline's hook), then, for `landed`, moved on once the investment arrived.
   */
  deal?: 'signed' | 'landed';
}

/**
 * The catalogue: eight projects signed at the opening whose USD values at DEMO_RATES add up to
 * exactly 270,000,000.00 (26 + 60 + 40 + 21 + 35 + 30 + 30 + 28 million), two planned, three open.
 */
export const DEMO_PROJECTS: DemoProject[] = [
  {
    title: { zh: '韩源新零售周末仓库', ko: '한원 뉴리테일 주말 창고', en: 'Hanyuan New Retail Weekend Warehouse' },
    sector: 'retail',
    location: 'Chengyang District, Qingdao',
    investment: { amount: '26000000.00', currency: 'USD' },
    agreement: { partyCompanyIds: [c(1), c(105)], mode: 'onsite', signed: true },
    deal: 'landed',
  },
  {
    title: {
      zh: '釜山海洋物流冷链枢纽',
      ko: '부산해양물류 콜드체인 허브',
      en: 'Busan Marine Logistics cold-chain hub',
    },
    sector: 'logistics',
    location: 'Qingdao Port',
    investment: { amount: '80000000000', currency: 'KRW' },
    agreement: { partyCompanyIds: [c(4), c(107)], mode: 'cloud', signed: true },
  },
  {
    title: { zh: '大韩精密芯片封装线', ko: '대한정밀 반도체 패키징 라인', en: 'Daehan Precision chip packaging line' },
    sector: 'semiconductors',
    location: 'Chengyang Hi-tech Zone',
    investment: { amount: '40000000.00', currency: 'USD' },
    agreement: { partyCompanyIds: [c(3), c(101)], mode: 'onsite', signed: true },
    deal: 'signed',
  },
  {
    title: { zh: '韩星化妆品城阳工厂', ko: '한성코스메틱 청양 공장', en: 'Hansung Cosmetics Chengyang plant' },
    sector: 'cosmetics',
    location: 'Chengyang District, Qingdao',
    investment: { amount: '150000000.00', currency: 'CNY' },
    agreement: { partyCompanyIds: [c(2), c(105)], mode: 'onsite', signed: true },
  },
  {
    title: {
      zh: '首尔未来出行电动汽车零部件',
      ko: '서울퓨처모빌리티 전기차 부품',
      en: 'Seoul Future Mobility EV components',
    },
    sector: 'automotive',
    location: 'Jimo Auto Industrial Park',
    investment: { amount: '250000000.00', currency: 'CNY' },
    agreement: { partyCompanyIds: [c(5), c(106)], mode: 'cloud', signed: true },
  },
  {
    title: { zh: '仁川生物制药研发中心', ko: '인천바이오제약 연구개발센터', en: 'Incheon Biopharma R&D centre' },
    sector: 'biomedicine',
    location: 'Blue Silicon Valley, Qingdao',
    investment: { amount: '40000000000', currency: 'KRW' },
    agreement: { partyCompanyIds: [c(6), c(101)], mode: 'cloud', signed: true },
  },
  {
    title: {
      zh: '轨道交通新材料合资项目',
      ko: '궤도교통 신소재 합작 프로젝트',
      en: 'Rail transit new materials joint venture',
    },
    sector: 'advanced_manufacturing',
    location: 'Chengyang Rail Transit Industrial Park',
    investment: { amount: '30000000.00', currency: 'USD' },
    agreement: { partyCompanyIds: [c(102), c(3)], mode: 'onsite', signed: true },
  },
  {
    title: { zh: '韩流文化内容产业园', ko: 'K-컬처 콘텐츠 산업단지', en: 'K-Culture content park' },
    sector: 'culture_tourism',
    location: 'Chengyang District, Qingdao',
    investment: { amount: '200000000.00', currency: 'CNY' },
    agreement: { partyCompanyIds: [c(7), c(104)], mode: 'onsite', signed: true },
  },
  {
    title: { zh: '5G智慧港口示范', ko: '5G 스마트 항만 시범 사업', en: '5G smart port pilot' },
    sector: 'new_infrastructure',
    location: 'Qingdao Port',
    investment: { amount: '12000000.00', currency: 'USD' },
    agreement: { partyCompanyIds: [c(103), c(4)], mode: 'cloud', signed: false },
  },
  {
    title: { zh: '数字城市联合实验室', ko: '디지털 시티 공동 연구소', en: 'Digital city joint laboratory' },
    sector: 'digital',
    location: 'Chengyang District, Qingdao',
    investment: { amount: '50000000.00', currency: 'CNY' },
    agreement: { partyCompanyIds: [c(104), c(3)], mode: 'onsite', signed: false },
  },
  {
    title: { zh: '跨境保税仓二期', ko: '국경 간 보세창고 2기', en: 'Cross-border bonded warehouse, phase II' },
    sector: 'logistics',
    location: 'Qingdao Cross-border E-commerce Park',
    investment: { amount: '300000000.00', currency: 'CNY' },
    agreement: null,
  },
  {
    title: { zh: '海洋生物医药孵化器', ko: '해양 바이오의약 인큐베이터', en: 'Marine biomedicine incubator' },
    sector: 'biomedicine',
    location: 'Blue Silicon Valley, Qingdao',
    investment: { amount: '20000000000', currency: 'KRW' },
    agreement: null,
  },
  {
    title: { zh: '氢能公交场站', ko: '수소 버스 차고지', en: 'Hydrogen bus depot' },
    sector: 'new_energy',
    location: 'Chengyang District, Qingdao',
    investment: { amount: '15000000.00', currency: 'USD' },
    agreement: null,
  },
];

/**
 * The deals the promoter follows besides the ceremony's (whose signed and landed deals come with
 * their agreements): one in each of the other stages. The `mou` deal has a signing meeting booked
 * at the matchmaking event, in the first free half hour of both firms and the promoter.
 */
export const DEMO_DEALS: {
  title: Required<Localized>;
  companyIds: [string, string];
  investment: { amount: string; currency: string };
  stage: 'follow_up' | 'mou' | 'lost';
  notes: string[];
}[] = [
  {
    title: {
      zh: '韩源新零售 × 众瑞仪器 智能货架',
      ko: '한원 뉴리테일 × 중루이 스마트 진열대',
      en: 'Hanyuan × Zhongrui smart shelving',
    },
    companyIds: [c(1), c(101)],
    investment: { amount: '5000000.00', currency: 'USD' },
    stage: 'follow_up',
    notes: [],
  },
  {
    title: {
      zh: '韩星化妆品 × 众瑞仪器 检测实验室',
      ko: '한성코스메틱 × 중루이 시험 연구소',
      en: 'Hansung Cosmetics × Zhongrui testing laboratory',
    },
    companyIds: [c(2), c(101)],
    investment: { amount: '60000000.00', currency: 'CNY' },
    stage: 'mou',
    notes: ['MoU initialled; signing at the matchmaking day'],
  },
  {
    title: {
      zh: '首尔未来出行 × 光子5G 充电网络',
      ko: '서울퓨처모빌리티 × 광자 5G 충전 네트워크',
      en: 'Seoul Future Mobility × Photon 5G charging network',
    },
    companyIds: [c(5), c(103)],
    investment: { amount: '20000000.00', currency: 'USD' },
    stage: 'lost',
    notes: ['MoU drafted', 'the firm chose another city'],
  },
];
