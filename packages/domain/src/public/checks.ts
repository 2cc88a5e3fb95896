/**
 * The public page's field checks, as plain functions: the page must stay small on a slow phone, and
 * zod alone would add about 97 KB (gzip) to it. The API validates with the zod schema in `schema.ts`;
 * `checks.test.ts` holds the two to the same answers.
 */
import { isValidCreditCode, isValidIdNumber } from "../cases/identifiers.ts";

export type PublicKind = "complaint" | "report" | "consultation";

/** The form's fields by path; values as the page holds them (strings). */
export type PublicField =
  | "consumer.name"
  | "consumer.phone"
  | "consumer.address"
  | "consumer.idNumber"
  | "business.name"
  | "business.address"
  | "business.creditCode"
  | "category"
  | "subject"
  | "description"
  | "request"
  | "amount";

/** Same as the API's PhoneNumber: a mobile, or a landline with its area code. */
export const PHONE = /^(\+?86[- ]?)?(1[3-9]\d{9}|0\d{2,3}[- ]?\d{7,8}([- ]\d{1,6})?)$/;

export const maxLength: Record<PublicField, number> = {
  "consumer.name": 50,
  "consumer.phone": 30,
  "consumer.address": 200,
  "consumer.idNumber": 18,
  "business.name": 100,
  "business.address": 200,
  "business.creditCode": 18,
  category: 80,
  subject: 100,
  description: 5000,
  request: 1000,
  amount: 12,
};

/** What the regulation requires of each kind (a report may be anonymous). */
export const requiredFields: Record<PublicKind, PublicField[]> = {
  complaint: [
    "consumer.name",
    "consumer.phone",
    "consumer.address",
    "business.name",
    "business.address",
    "category",
    "subject",
    "description",
    "request",
  ],
  report: ["category", "subject", "description"],
  consultation: ["consumer.name", "consumer.phone", "category", "subject", "description"],
};

const requiredMessages: Partial<Record<PublicField, string>> = {
  "consumer.name": "请填写您的姓名",
  "consumer.phone": "请填写您的联系电话",
  "consumer.address": "请填写您的联系地址",
  "business.name": "请填写商家（经营者）名称",
  "business.address": "请填写商家地址",
  category: "请选择类别",
  subject: "请用一句话概括问题",
  description: "请说明事情经过",
  request: "请写明您的诉求（如退货、赔偿）",
};

/** Amount in yuan as typed ("329.9") → integer fen, or null if it is not an amount. */
export function yuanToFen(s: string): number | null {
  const t = s.trim();
  if (!/^\d{1,9}(\.\d{1,2})?$/.test(t)) return null;
  const [y, f = ""] = t.split(".");
  return Number(y) * 100 + Number(f.padEnd(2, "0"));
}

/** The message to show under a field, or null when it is fine. */
export function checkField(kind: PublicKind, field: PublicField, raw: string): string | null {
  const v = raw.trim();
  if (!v) return requiredFields[kind].includes(field) ? (requiredMessages[field] ?? "必填") : null;
  if ([...v].length > maxLength[field]) return `最多 ${maxLength[field]} 个字`;
  switch (field) {
    case "consumer.phone":
      return PHONE.test(v) ? null : "请填写正确的手机号或带区号的固定电话";
    case "consumer.idNumber":
      return isValidIdNumber(v.toUpperCase()) ? null : "身份证号码校验不通过";
    case "business.creditCode":
      return isValidCreditCode(v.toUpperCase()) ? null : "统一社会信用代码校验不通过";
    case "amount":
      return yuanToFen(v) === null ? "请填写金额（元），最多两位小数" : null;
    default:
      return null;
  }
}
