/**
 * The fixed vocabularies of a case, with their Chinese labels: kinds, channels, the China Consumers'
 * Association complaint classes (categories), natures and the consumer's requests (诉求).
 */
export const caseKindLabels = { complaint: "投诉", report: "举报", consultation: "咨询" } as const;
export const caseKinds = Object.keys(caseKindLabels) as (keyof typeof caseKindLabels)[];

export const channelLabels = {
  walk_in: "来访",
  phone: "电话",
  online: "网上",
  transfer_12315: "12315转办",
  letter: "来信",
  other: "其他",
} as const;

const goods = {
  daily: "日用商品",
  appliances: "家用电子电器",
  clothing: "服装鞋帽",
  food: "食品",
  vehicles: "交通工具",
  housing: "房屋及建材",
  jewelry_sports: "首饰及文体用品",
  tobacco_drinks: "烟酒和饮料",
  medical: "医药及医疗用品",
  farm_inputs: "农用生产资料",
  other: "其他商品",
};
const services = {
  living: "生活社会服务",
  internet: "互联网服务",
  telecom: "电信服务",
  education: "教育培训服务",
  sales: "销售服务",
  decoration_property: "房屋装修及物业服务",
  finance: "金融服务",
  insurance: "保险服务",
  tourism: "旅游服务",
  health: "卫生保健服务",
  public_facilities: "公共设施服务",
  culture_sports: "文化娱乐体育服务",
  postal: "邮政业服务",
  farm_tech: "农业生产技术服务",
  other: "其他服务",
};

export interface Category {
  code: string;
  label: string;
  group: "goods" | "services" | "other";
  groupLabel: string;
}

/** The national classes (api.md § Cases); tenants may add sub-codes below them but never remove these. */
export const nationalCategories: readonly Category[] = [
  ...Object.entries(goods).map(([k, label]) => ({
    code: `goods.${k}`,
    label,
    group: "goods" as const,
    groupLabel: "商品类",
  })),
  ...Object.entries(services).map(([k, label]) => ({
    code: `services.${k}`,
    label,
    group: "services" as const,
    groupLabel: "服务类",
  })),
  { code: "other.other", label: "其他", group: "other", groupLabel: "其他" },
];

const byCode = new Map(nationalCategories.map((c) => [c.code, c]));

/** A category code is a national class or a sub-code below one (`goods.food.dairy`). */
export function nationalCategoryOf(code: string): Category | undefined {
  const parts = code.split(".");
  return byCode.get(parts.slice(0, 2).join("."));
}

/** A tenant's own sub-category, declared in its settings below a national class (`goods.food.dairy` 乳制品). */
export interface SubCategory {
  code: string;
  label: string;
}

/** A case may be filed under every national class, and under the sub-codes its tenant declared. */
export const isUsableCategory = (code: string, declared: readonly SubCategory[]) =>
  byCode.has(code) || declared.some((d) => d.code === code);

export const CATEGORY_CODE = /^(goods|services|other)\.[a-z_]+(\.[a-z0-9_]+)*$/;

export const natureLabels = {
  quality: "质量",
  after_sales: "售后服务",
  contract: "合同",
  false_advertising: "虚假宣传",
  price: "价格",
  safety: "安全",
  counterfeit: "假冒",
  measurement: "计量",
  dignity: "人格尊严",
  other: "其他",
} as const;

/** The requests on the official registration form (诉求), a multi-select besides free text. */
export const requestTypeLabels = {
  repair: "修理",
  redo: "重作",
  replace: "更换",
  return: "退货",
  make_up_quantity: "补足商品数量",
  refund: "退还货款和服务费用",
  compensate: "赔偿损失",
} as const;
