import type { PublicField, PublicKind } from "@weiquan/domain/public/checks";

/** The public filing form's steps per kind, and each field's label and hint. */

export type Values = Record<PublicField, string>;
export const empty = Object.fromEntries(
  [
    "consumer.name",
    "consumer.phone",
    "consumer.address",
    "consumer.idNumber",
    "business.name",
    "business.address",
    "business.creditCode",
    "category",
    "subject",
    "description",
    "request",
    "amount",
  ].map((k) => [k, ""]),
) as Values;

export interface Step {
  title: string;
  fields: PublicField[];
  note?: string;
}

const contact = (kind: PublicKind): Step => ({
  title: kind === "report" ? "举报人信息（可匿名）" : "您的联系方式",
  fields:
    kind === "consultation"
      ? ["consumer.name", "consumer.phone"]
      : ["consumer.name", "consumer.phone", "consumer.address", "consumer.idNumber"],
  note:
    kind === "report"
      ? "可以不填，匿名举报；留下电话便于核实和反馈。举报人信息不会告知被举报人。"
      : "仅用于办理和回复您的事项。",
});
const business = (kind: PublicKind): Step => ({
  title: kind === "report" ? "被举报的经营者" : "被投诉的商家（经营者）",
  fields: ["business.name", "business.address"],
});
const facts = (kind: PublicKind): Step => ({
  title: kind === "consultation" ? "您想咨询什么" : "事情经过",
  fields:
    kind === "complaint"
      ? ["category", "subject", "description", "request", "amount"]
      : ["category", "subject", "description"],
});

export const stepsOf = (kind: PublicKind): Step[] =>
  kind === "complaint"
    ? [contact(kind), business(kind), facts(kind)]
    : kind === "report"
      ? [facts(kind), business(kind), contact(kind)]
      : [contact(kind), facts(kind)];

export const labels: Record<PublicField, string> = {
  "consumer.name": "姓名",
  "consumer.phone": "联系电话",
  "consumer.address": "联系地址",
  "consumer.idNumber": "身份证号码（选填）",
  "business.name": "商家名称",
  "business.address": "商家地址",
  "business.creditCode": "统一社会信用代码（选填）",
  category: "类别",
  subject: "一句话概括",
  description: "事情经过",
  request: "您的诉求",
  amount: "涉及金额（元，选填）",
};
export const placeholders: Partial<Record<PublicField, string>> = {
  "consumer.phone": "手机号或带区号的固定电话",
  "consumer.address": "如：宝平街道南关社区 3 号楼",
  "business.name": "店铺招牌上的名称",
  "business.address": "店铺所在地址，网店可填网址",
  subject: "如：买到过期牛奶",
  description: "什么时间、在哪里、买了什么、出了什么问题、商家怎么说",
  request: "如：退货退款并赔偿",
  amount: "如：25.9",
};
export const inputMode: Partial<Record<PublicField, "tel" | "decimal">> = {
  "consumer.phone": "tel",
  amount: "decimal",
};
