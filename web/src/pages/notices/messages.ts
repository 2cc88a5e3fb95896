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
  /** A title per notice kind; a kind not listed shows the plain "通知". */
  kindTitle: {
    overdue: "案件已超期",
    sampling_reminder: "抽查回访提醒",
    callback_unsatisfied: "回访不满意，请跟进",
    finding_raised: "检查发现问题，请整改",
    finding_rectified: "问题已整改，请核验",
    finding_rejected: "整改未通过核验",
    finding_overdue: "整改已超期",
    warning: "消费警示，请签收",
    warning_reminder: "消费警示催签",
  } as Record<string, string>,
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
  kindTitle: {
    overdue: "Case overdue",
    sampling_reminder: "Callback sampling due",
    callback_unsatisfied: "Unsatisfied callback: follow up",
    finding_raised: "Inspection finding to rectify",
    finding_rectified: "Finding rectified: verify",
    finding_rejected: "Rectification not accepted",
    finding_overdue: "Rectification overdue",
    warning: "Consumer warning: acknowledge",
    warning_reminder: "Reminder: acknowledge the warning",
  },
  overdueBody: (trackingNo: string, subject: string) => `${trackingNo}  ${subject}`,
  dueBy: (at: string) => `Due by ${at}`,
  unread: "Unread",
  more: "Showing the latest 20 only",
};

const dictionaries = { zh, en };

export function useNoticeT(): NoticeMessages {
  return dictionaries[useLang().lang];
}
