import { useLang } from "../../i18n/lang.tsx";

/** The notice bell's labels, Chinese first; English has exactly the same keys (the type enforces it). */
const zh = {
  bell: "通知",
  bellUnread: (n: number) => `通知，${n} 条未读`,
  title: "通知",
  empty: "暂无通知",
  loadFailed: "通知加载失败",
  markAllRead: "全部标为已读",
  refresh: "刷新",
  overdueTitle: "案件已超期",
  overdueBody: (trackingNo: string, subject: string) => `${trackingNo}　${subject}`,
  dueBy: (at: string) => `办理期限 ${at}`,
  unread: "未读",
  more: "仅显示最近 20 条",
};
export type NoticeMessages = typeof zh;

const en: NoticeMessages = {
  bell: "Notices",
  bellUnread: (n: number) => `Notices, ${n} unread`,
  title: "Notices",
  empty: "No notices",
  loadFailed: "Could not load notices",
  markAllRead: "Mark all read",
  refresh: "Refresh",
  overdueTitle: "Case overdue",
  overdueBody: (trackingNo: string, subject: string) => `${trackingNo}  ${subject}`,
  dueBy: (at: string) => `Due by ${at}`,
  unread: "Unread",
  more: "Showing the latest 20 only",
};

const dictionaries = { zh, en };

export function useNoticeT(): NoticeMessages {
  return dictionaries[useLang().lang];
}
