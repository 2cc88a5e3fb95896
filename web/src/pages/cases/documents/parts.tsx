import { type CaseWithTimeline, chineseDate } from "../format.ts";
import { caseMessages } from "../messages.ts";

/** Documents follow the official Chinese formats whatever the console's language. */
export const zh = caseMessages("zh");

export interface DocProps {
  c: CaseWithTimeline;
  /** The unit that handles the case and issues the document. */
  issuer: string;
}

export function Head({ title, issuer, no }: { title: string; issuer: string; no: string }) {
  return (
    <>
      <div className="issuer">{issuer}</div>
      <h1 data-testid="doc-title">{title}</h1>
      <div className="doc-no">编号：{no}</div>
    </>
  );
}

export function Seal({ issuer, at }: { issuer: string; at?: string }) {
  return (
    <div className="seal">
      <div>
        <div>{issuer}（印章）</div>
        <div>{at ? chineseDate(at) : "　　年　　月　　日"}</div>
      </div>
    </div>
  );
}

export const Blank = () => <span className="line" />;

export const check = (on: boolean) => (on ? "☑" : "☐");

/** When the timeline recorded `action` last (the date a decision document carries). */
export const atOf = (c: CaseWithTimeline, action: string) =>
  c.timeline.findLast((e) => e.action === action)?.at;

/** 宝坻区惠民家电商店“新买的电冰箱不制冷” — the matter as documents name it. */
export const matterOf = (c: CaseWithTimeline) =>
  c.business.name ? `${c.business.name}“${c.subject}”` : `“${c.subject}”`;

export const addressee = (c: CaseWithTimeline) => c.consumer.name ?? "投诉人";
