import { useLang } from "../../i18n/lang.tsx";

/** The 工作台's labels, Chinese first; English has exactly the same keys (the type enforces it). */
const zh = {
  title: "工作台",
  intro: "需要您现在处理的事项。数据每分钟自动刷新。",
  refresh: "刷新",
  viewAll: "查看全部",
  nothing: "暂无",
  more: (n: number) => `${n}+`,
  unavailable: "部分事项暂时无法读取，请稍后刷新",
  loadFailed: "工作台加载失败",
  dueBy: (at: string) => `期限 ${at}`,
  figuresTitle: "本年概况",
  figuresMore: "统计分析",
  contactCard: "打印本服务点联系卡（含网上投诉二维码）",
  overdueFindings: "整改逾期",
  sections: {
    "cases.toReceive": "待接收（上级或下级移交）",
    "cases.toDecide": "待受理（含网上投诉）",
    "cases.dueSoon": "即将到期",
    "cases.overdue": "已超期",
    "sampling.roundDue": "本月应抽取回访样本",
    "inspections.notVisited": "本季度未检查的站点",
    "assessment.toScore": "年度考核待评分",
    "sampling.callbacks": "待回访（抽查回访）",
    "sampling.followUps": "回访不满意待跟进",
    "inspections.toRectify": "检查发现问题待整改",
    "inspections.toVerify": "整改待核验",
    "inspections.overdue": "整改逾期",
    "warnings.toAck": "待签收的消费警示",
  } as Record<string, string>,
};
export type HomeMessages = typeof zh;

const en: HomeMessages = {
  title: "Workbench",
  intro: "What needs you now. Refreshed every minute.",
  refresh: "Refresh",
  viewAll: "View all",
  nothing: "Nothing",
  more: (n: number) => `${n}+`,
  unavailable: "Some items cannot be read just now; refresh in a moment",
  loadFailed: "Could not load the workbench",
  dueBy: (at: string) => `Due ${at}`,
  figuresTitle: "This year",
  figuresMore: "Figures",
  contactCard: "Print this point's contact card (with the QR code for online complaints)",
  overdueFindings: "Findings overdue",
  sections: {
    "cases.toReceive": "To take over (passed on to you)",
    "cases.toDecide": "To accept or reject (online filings included)",
    "cases.dueSoon": "Due soon",
    "cases.overdue": "Overdue",
    "sampling.roundDue": "Last month's sample to draw",
    "inspections.notVisited": "Not inspected this quarter",
    "assessment.toScore": "Assessment items to score",
    "sampling.callbacks": "Sampled callbacks to make",
    "sampling.followUps": "Follow-ups after unsatisfied callbacks",
    "inspections.toRectify": "Findings to rectify",
    "inspections.toVerify": "Rectifications to verify",
    "inspections.overdue": "Findings overdue",
    "warnings.toAck": "Warnings to acknowledge",
  },
};

export const useHomeT = (): HomeMessages => (useLang().lang === "zh" ? zh : en);
