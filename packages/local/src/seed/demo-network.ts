import type { TenantRole, UnitType } from "@weiquan/domain";

/** The demo county: 天津市宝坻区, with a realistic slice of its network. Local only, never in AWS. */
export const DEMO_PASSWORD = "Demo@2026";
export const DEMO_COUNTY = { countyCode: "120115", name: "天津市宝坻区市场监督管理局" };
export const DEMO_OPERATOR = { username: "operator", displayName: "平台运维 李工" };

export interface DemoUnit {
  key: string;
  parent: string; // key of the parent; "root" is the bureau
  type: Exclude<UnitType, "bureau">;
  name: string;
  address: string;
  phone?: string;
  staff?: { name: string; phone: string };
  plaque: boolean;
  ledger: "electronic" | "paper" | null;
}

export const demoUnits: DemoUnit[] = [
  {
    key: "office1",
    parent: "root",
    type: "office",
    name: "宝平市场监管所",
    address: "天津市宝坻区宝平街道南关大街 28 号",
    phone: "022-29241315",
    plaque: true,
    ledger: "electronic",
  },
  {
    key: "office2",
    parent: "root",
    type: "office",
    name: "大口屯市场监管所",
    address: "天津市宝坻区大口屯镇中心大街 16 号",
    phone: "022-29451315",
    plaque: true,
    ledger: "electronic",
  },
  {
    key: "station1",
    parent: "office1",
    type: "station",
    name: "宝平街道消费维权服务站",
    address: "天津市宝坻区宝平街道建设路 9 号便民服务中心",
    phone: "022-29246018",
    staff: { name: "刘秀英", phone: "13820046018" },
    plaque: true,
    ledger: "electronic",
  },
  {
    key: "station3",
    parent: "office1",
    type: "station",
    name: "海滨街道消费维权服务站",
    address: "天津市宝坻区海滨街道开元路 3 号",
    phone: "022-29270155",
    staff: { name: "孙立新", phone: "13920270155" },
    plaque: true,
    ledger: "paper",
  },
  {
    key: "station2",
    parent: "office2",
    type: "station",
    name: "大口屯镇消费维权服务站",
    address: "天津市宝坻区大口屯镇政府院内东侧",
    phone: "022-29455230",
    staff: { name: "王建军", phone: "13602155230" },
    plaque: true,
    ledger: "electronic",
  },
  {
    key: "station4",
    parent: "office2",
    type: "station",
    name: "王卜庄镇消费维权服务站",
    address: "天津市宝坻区王卜庄镇兴业街 12 号",
    staff: { name: "赵淑芬", phone: "15822088421" },
    plaque: false,
    ledger: "paper",
  },
  {
    key: "point1",
    parent: "station1",
    type: "point",
    name: "南关社区消费维权服务点",
    address: "天津市宝坻区宝平街道南关社区居委会",
    phone: "022-29243361",
    staff: { name: "陈桂兰", phone: "13512243361" },
    plaque: true,
    ledger: "electronic",
  },
  {
    key: "point3",
    parent: "station1",
    type: "point",
    name: "城关社区消费维权服务点",
    address: "天津市宝坻区宝平街道城关社区服务站",
    phone: "022-29248710",
    staff: { name: "杨春燕", phone: "13752048710" },
    plaque: true,
    ledger: "paper",
  },
  {
    key: "point2",
    parent: "station2",
    type: "point",
    name: "大口屯村消费维权服务点",
    address: "天津市宝坻区大口屯镇大口屯村村委会",
    phone: "022-29457702",
    staff: { name: "李国强", phone: "13820957702" },
    plaque: true,
    ledger: "paper",
  },
  {
    key: "point4",
    parent: "station2",
    type: "point",
    name: "小辛码头村消费维权服务点",
    address: "天津市宝坻区大口屯镇小辛码头村村委会",
    staff: { name: "周振华", phone: "18622451290" },
    plaque: true,
    ledger: null,
  },
  {
    key: "point5",
    parent: "station3",
    type: "point",
    name: "海滨社区消费维权服务点",
    address: "天津市宝坻区海滨街道海滨社区居委会",
    phone: "022-29271408",
    staff: { name: "马丽娟", phone: "13034271408" },
    plaque: true,
    ledger: "electronic",
  },
  {
    key: "point6",
    parent: "station3",
    type: "point",
    name: "钰华社区消费维权服务点",
    address: "天津市宝坻区海滨街道钰华社区党群服务中心",
    staff: { name: "郭文静", phone: "15022271936" },
    plaque: false,
    ledger: "paper",
  },
  {
    key: "point7",
    parent: "station4",
    type: "point",
    name: "王卜庄村消费维权服务点",
    address: "天津市宝坻区王卜庄镇王卜庄村村委会",
    phone: "022-29481155",
    staff: { name: "高永利", phone: "13114881155" },
    plaque: true,
    ledger: "paper",
  },
  {
    key: "point8",
    parent: "station4",
    type: "point",
    name: "东老口村消费维权服务点",
    address: "天津市宝坻区王卜庄镇东老口村村委会",
    plaque: false,
    ledger: null,
  },
];

export interface DemoUser {
  username: string;
  displayName: string;
  role: TenantRole;
  unit: string; // key of the unit; "root" is the bureau
}

/** `admin` is created by onboarding itself; the rest after it. */
export const demoUsers: DemoUser[] = [
  { username: "bureau", displayName: "县局 张敏", role: "bureau_staff", unit: "root" },
  { username: "office1", displayName: "宝平所 韩志刚", role: "office_staff", unit: "office1" },
  { username: "station1", displayName: "宝平街道站 刘秀英", role: "station_staff", unit: "station1" },
  { username: "station2", displayName: "大口屯镇站 王建军", role: "station_staff", unit: "station2" },
  { username: "point1", displayName: "南关社区点 陈桂兰", role: "point_staff", unit: "point1" },
  { username: "point2", displayName: "大口屯村点 李国强", role: "point_staff", unit: "point2" },
  { username: "viewer", displayName: "综治办 周平", role: "governance_viewer", unit: "root" },
];

export const DEMO_ADMIN = { username: "admin", displayName: "县局管理员 王磊" };
