/**
 * The demo tenants, named after the seed documents (../shared/seeds):
 * - Guangzhou Conghua district with Liangkou town and the 23 units it plans to
 *   build as full-employment communities/villages (000_…txt, 附件2);
 * - Yichun Mingyueshan scenic area with Wentang and Hongjiang towns and the
 *   villages its 2023 plan names (003_…txt);
 * - a province whose department runs the 全省就业工作单项考核表 over its cities
 *   (001_…txt names no province; the demo uses Guangdong's cities).
 */
export interface DemoUnit {
  kind: 'province' | 'city' | 'district' | 'county' | 'town' | 'street' | 'village' | 'community';
  name: string;
  nameEn?: string;
  code?: string;
  children?: DemoUnit[];
}

export interface DemoUser {
  email: string;
  displayName: string;
  role: 'admin' | 'reviewer' | 'reporter' | 'viewer';
  /** Name of the org unit the grant is limited to; the tenant root when absent. */
  scope?: string;
  stage?: string;
}

export interface DemoTenant {
  slug: string;
  name: string;
  nameEn: string;
  level: 'province' | 'city' | 'district' | 'town';
  areaCode: string;
  root: DemoUnit;
  users: DemoUser[];
}

/** Every demo user signs in with this password (documented in the README). */
export const DEMO_PASSWORD = 'kaoping-demo-2024';

/** 000_…txt 附件2: the 21 villages and 2 communities planned for 2024, in the annex's order. */
export const LIANGKOU_VILLAGES = [
  '良新村',
  '米埗村',
  '和丰村',
  '良平村',
  '塘尾村',
  '少沙村',
  '良明村',
  '磻溪村',
  '塘料村',
  '高沙村',
  '联群村',
  '胜塘村',
  '长流村',
  '北溪村',
  '合群村',
  '梅树村',
  '锦村',
  '乐明村',
  '下溪村',
  '溪头村',
  '东星村',
];
export const LIANGKOU_COMMUNITIES = ['黄竹塱社区', '彩虹社区'];

export const DEMO_TENANTS: DemoTenant[] = [
  {
    slug: 'gz-conghua',
    name: '广州市从化区人力资源和社会保障局',
    nameEn: 'Conghua District HR & Social Security Bureau, Guangzhou',
    level: 'district',
    areaCode: '440117',
    root: {
      kind: 'district',
      name: '从化区',
      nameEn: 'Conghua District',
      code: '440117000000',
      children: [
        {
          kind: 'town',
          name: '良口镇',
          nameEn: 'Liangkou Town',
          code: '440117105000',
          children: [
            ...LIANGKOU_COMMUNITIES.map((name) => ({ kind: 'community' as const, name })),
            ...LIANGKOU_VILLAGES.map((name) => ({ kind: 'village' as const, name })),
          ],
        },
      ],
    },
    users: [
      { email: 'admin@conghua.demo', displayName: '从化区管理员', role: 'admin' },
      {
        email: 'town@conghua.demo',
        displayName: '良口镇社会事务综合服务中心',
        role: 'reviewer',
        scope: '良口镇',
        stage: 'recommended',
      },
      {
        email: 'district@conghua.demo',
        displayName: '从化区人社局审核员',
        role: 'reviewer',
        stage: 'verified',
      },
      {
        email: 'publicity@conghua.demo',
        displayName: '从化区人社局（公示）',
        role: 'reviewer',
        stage: 'publicised',
      },
      {
        email: 'city@conghua.demo',
        displayName: '广州市人社局（市公布）',
        role: 'reviewer',
        stage: 'published',
      },
      {
        email: 'xitou@conghua.demo',
        displayName: '溪头村就业服务专员',
        role: 'reporter',
        scope: '溪头村',
      },
      {
        email: 'caihong@conghua.demo',
        displayName: '彩虹社区就业服务专员',
        role: 'reporter',
        scope: '彩虹社区',
      },
      { email: 'viewer@conghua.demo', displayName: '从化区查阅', role: 'viewer' },
    ],
  },
  {
    slug: 'yc-mingyueshan',
    name: '宜春市明月山温泉风景名胜区社会事业局',
    nameEn: 'Mingyueshan Scenic Area Social Affairs Bureau, Yichun',
    level: 'district',
    areaCode: '360990',
    root: {
      kind: 'district',
      name: '明月山温泉风景名胜区',
      nameEn: 'Mingyueshan Hot Spring Scenic Area',
      children: [
        { kind: 'town', name: '温汤镇', nameEn: 'Wentang Town' },
        {
          kind: 'town',
          name: '洪江镇',
          nameEn: 'Hongjiang Town',
          children: [
            { kind: 'village', name: '东南村' },
            { kind: 'village', name: '梅州村' },
            { kind: 'village', name: '洪江村' },
          ],
        },
      ],
    },
    users: [
      { email: 'admin@mingyueshan.demo', displayName: '社会事业局管理员', role: 'admin' },
      {
        email: 'hongjiang@mingyueshan.demo',
        displayName: '洪江镇劳保所',
        role: 'reviewer',
        scope: '洪江镇',
        stage: 'recommended',
      },
      {
        email: 'county@mingyueshan.demo',
        displayName: '明月山社会事业局（县级评估）',
        role: 'reviewer',
        stage: 'verified',
      },
      {
        email: 'city@mingyueshan.demo',
        displayName: '宜春市就业创业服务中心（市级验收）',
        role: 'reviewer',
        stage: 'published',
      },
      {
        email: 'hongjiangcun@mingyueshan.demo',
        displayName: '洪江村劳动保障协理员',
        role: 'reporter',
        scope: '洪江村',
      },
    ],
  },
  {
    slug: 'gd-province',
    name: '广东省人力资源和社会保障厅（演示）',
    nameEn: 'Provincial HR & Social Security Department (demo)',
    level: 'province',
    areaCode: '440000',
    root: {
      kind: 'province',
      name: '广东省',
      nameEn: 'Guangdong',
      code: '440000000000',
      children: [
        { kind: 'city', name: '广州市', nameEn: 'Guangzhou', code: '440100000000' },
        { kind: 'city', name: '韶关市', nameEn: 'Shaoguan', code: '440200000000' },
        { kind: 'city', name: '湛江市', nameEn: 'Zhanjiang', code: '440800000000' },
        { kind: 'city', name: '梅州市', nameEn: 'Meizhou', code: '441400000000' },
      ],
    },
    users: [
      { email: 'admin@province.demo', displayName: '省人社厅管理员', role: 'admin' },
      {
        email: 'guangzhou@province.demo',
        displayName: '广州市人社局（自评）',
        role: 'reporter',
        scope: '广州市',
      },
      {
        email: 'review@province.demo',
        displayName: '省厅初评组',
        role: 'reviewer',
        stage: 'initial',
      },
      {
        email: 'final@province.demo',
        displayName: '省厅审定组',
        role: 'reviewer',
        stage: 'final',
      },
    ],
  },
];
