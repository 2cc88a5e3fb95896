/*
 * The time limits, as dated data a tenant can read in the console. A case records the id of the rule
 * set in force on the Shanghai calendar day it was received and keeps it for life.
 *
 * Citations: an article number appears only where it was checked against an official text.
 * The 《市场监督管理行政处罚程序规定》 Art. 18 was read on a government site. The accept / mediate
 * articles of Orders 20 and 121 could not be checked against an official text, so those limits cite
 * the regulation alone.
 */
import { shanghaiDate } from "./days.ts";

export type RuleSetId = "samr-20-2022" | "samr-121";

export interface Limit {
  days: number;
  unit: "working" | "calendar";
}

export interface RuleSet {
  id: RuleSetId;
  /** Chinese name of the regulation. */
  title: string;
  /** The order that issued it, e.g. 国家市场监督管理总局令第121号. */
  order: string;
  /** First Shanghai calendar day of receipt the set applies to (YYYY-MM-DD). */
  effectiveFrom: string;
  /** Last Shanghai calendar day of receipt the set applies to, inclusive; absent = still in force. */
  effectiveTo?: string;
  limits: {
    /** Decide to accept or reject a complaint, counted from receipt. */
    accept: Limit;
    /** Mediation ends without agreement, counted from acceptance; testing / appraisal time excluded. */
    mediate: Limit;
    /** A grassroots unit hands a report's lead over to law enforcement, counted from receipt. */
    handOver: Limit;
    /** The enforcement body checks the lead and decides whether to open a case, from hand-over. */
    reportCheck: Limit;
    /** The extension of `reportCheck` its head may approve in special circumstances. */
    reportCheckExtension: Limit;
  };
  /** Short Chinese citation of where each limit comes from. */
  basis: Record<keyof RuleSet["limits"], string>;
}

const working = (days: number): Limit => ({ days, unit: "working" });
const calendar = (days: number): Limit => ({ days, unit: "calendar" });

/** Report limits come from outside the complaint rules, so both sets share them. */
const reportLimits = {
  handOver: working(2),
  reportCheck: working(15),
  reportCheckExtension: working(15),
};
const reportBasis = {
  handOver:
    "深龙府办〔2008〕61号《龙岗区全面推进创建“无传销社区”活动工作方案》考核要点：两个工作日内交办、转办举报线索",
  reportCheck:
    "《市场监督管理行政处罚程序规定》第十八条：自发现线索或者收到材料之日起十五个工作日内予以核查，决定是否立案；检测、检验、检疫、鉴定等时间不计入",
  reportCheckExtension:
    "《市场监督管理行政处罚程序规定》第十八条：特殊情况下，经市场监督管理部门负责人批准，可以延长十五个工作日",
};

export const ruleSets: readonly RuleSet[] = [
  {
    id: "samr-20-2022",
    title: "市场监督管理投诉举报处理暂行办法",
    order: "国家市场监督管理总局令第20号（2022年经总局令第55号、第61号修正）",
    effectiveFrom: "2020-01-01",
    effectiveTo: "2026-04-14",
    limits: { accept: working(7), mediate: working(45), ...reportLimits },
    basis: {
      accept: "《市场监督管理投诉举报处理暂行办法》：自收到投诉之日起七个工作日内作出受理或者不予受理的决定",
      mediate:
        "《市场监督管理投诉举报处理暂行办法》：自投诉受理之日起四十五个工作日内未能达成调解协议的，终止调解",
      ...reportBasis,
    },
  },
  {
    id: "samr-121",
    title: "市场监督管理投诉举报处理办法",
    order: "国家市场监督管理总局令第121号",
    effectiveFrom: "2026-04-15",
    limits: { accept: working(7), mediate: calendar(60), ...reportLimits },
    basis: {
      accept: "《市场监督管理投诉举报处理办法》：收到投诉之日起七个工作日内作出受理或者不予受理的决定",
      mediate:
        "《市场监督管理投诉举报处理办法》：自投诉受理之日起六十日内未能达成调解协议的，终止调解；检验、检测、鉴定时间不计入",
      ...reportBasis,
    },
  },
];

/** The rule set in force on the Shanghai calendar day of receipt. */
export function ruleSetFor(receivedAt: string | Date): RuleSet {
  const day = shanghaiDate(receivedAt);
  const found = ruleSets.find(
    (r) => r.effectiveFrom <= day && (r.effectiveTo === undefined || day <= r.effectiveTo),
  );
  if (!found) throw new RangeError(`no complaint-handling rule set covers ${day}`);
  return found;
}

export function ruleSetById(id: RuleSetId): RuleSet {
  const found = ruleSets.find((r) => r.id === id);
  if (!found) throw new RangeError(`unknown rule set: ${id}`);
  return found;
}
