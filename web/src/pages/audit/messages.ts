import { useLang } from "../../i18n/lang.tsx";

/** The audit page's labels, Chinese first; English has exactly the same keys (the type enforces it). */
const zh = {
  title: "个人信息访问记录",
  intro:
    "谁在何时查看了哪件案件中未打码的消费者个人信息（姓名、电话、地址、身份证号），或按消费者电话查找了案件。按月查询，最新的在前。",
  month: "月份",
  refresh: "刷新",
  loadMore: "加载更多",
  loadFailed: "访问记录加载失败",
  empty: "该月没有访问记录",
  count: (n: number, more: boolean) => `已显示 ${n} 条${more ? "，还有更多" : ""}`,
  colAt: "访问时间",
  colUser: "访问人",
  colUnit: "所在单位",
  colCase: "案件",
  colAction: "操作",
  actions: {
    read_personal_data: "查看完整个人信息",
    download_attachment: "下载附件",
    search_by_phone: "按消费者电话查找",
  },
  phoneSearch: (phone: string, n: number) => `电话 ${phone}（本页 ${n} 件）`,
};
export type AuditMessages = typeof zh;

const en: AuditMessages = {
  title: "Personal-data access log",
  intro:
    "Who read a case's unmasked personal data (name, phone, address, ID number) or searched cases by a consumer's phone, and when. By month, newest first.",
  month: "Month",
  refresh: "Refresh",
  loadMore: "Load more",
  loadFailed: "Could not load the access log",
  empty: "No access in this month",
  count: (n: number, more: boolean) => `${n} shown${more ? ", more available" : ""}`,
  colAt: "When",
  colUser: "Who",
  colUnit: "Unit",
  colCase: "Case",
  colAction: "Action",
  actions: {
    read_personal_data: "Read unmasked personal data",
    download_attachment: "Downloaded an attachment",
    search_by_phone: "Searched by consumer phone",
  },
  phoneSearch: (phone: string, n: number) => `Phone ${phone} (${n} on the page)`,
};

const dictionaries = { zh, en };

export function useAuditT(): AuditMessages {
  return dictionaries[useLang().lang];
}
