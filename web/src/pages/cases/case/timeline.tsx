import type { TimelineEvent } from "@weiquan/domain/cases/schema";
import { Space, Typography } from "antd";
import { type CaseWithTimeline, fenToYuan, formatTime } from "../format.ts";
import type { CaseMessages } from "../messages.ts";
import { StatusTag } from "../parts.tsx";

function eventDetails(e: TimelineEvent, t: CaseMessages): string[] {
  const d = e.data ?? {};
  const out: string[] = [];
  if (typeof d.reason === "string") {
    const r = d.reason;
    const label =
      e.action === "reject"
        ? t.rejectReason[r as keyof CaseMessages["rejectReason"]]
        : e.action === "pause_clock"
          ? t.pauseReason[r as keyof CaseMessages["pauseReason"]]
          : t.terminateReason[r as keyof CaseMessages["terminateReason"]];
    out.push(label ?? r);
  }
  if (typeof d.recoveredFen === "number") out.push(`${t.caseRecovered} ¥${fenToYuan(d.recoveredFen)}`);
  if (typeof d.toUnitName === "string") out.push(`→ ${d.toUnitName}`);
  if (typeof d.to === "string") out.push(`→ ${d.to}`);
  if (e.action === "callback" && typeof d.result === "string")
    out.push(t.callbackResult[d.result as keyof CaseMessages["callbackResult"]] ?? d.result);
  if (e.action === "create" && typeof d.channel === "string")
    out.push(t.channel[d.channel as keyof CaseMessages["channel"]] ?? d.channel);
  if (d.onTime === false) out.push(t.badgeOverdue);
  return out;
}

function actionLabel(action: string, t: CaseMessages): string {
  if (action === "create") return t.timelineCreate;
  if (action === "rating") return t.timelineRating;
  return (t.action as Record<string, string>)[action] ?? action;
}

export function timelineItems(c: CaseWithTimeline, t: CaseMessages, nameOf: (id: string) => string) {
  return c.timeline.map((e, i) => ({
    key: `${e.at}-${i}`,
    color: e.action === "create" ? "blue" : e.data?.onTime === false ? "red" : "green",
    title: formatTime(e.at),
    content: (
      <div data-testid="timeline-entry" data-action={e.action}>
        <Space wrap size={4}>
          <Typography.Text strong>{actionLabel(e.action, t)}</Typography.Text>
          {e.fromStatus !== e.toStatus && <StatusTag status={e.toStatus} />}
        </Space>
        <div>
          <Typography.Text type="secondary">{t.timelineBy(e.byName, nameOf(e.unitId))}</Typography.Text>
        </div>
        {eventDetails(e, t).map((line) => (
          <div key={line}>{line}</div>
        ))}
        {e.note && <div style={{ whiteSpace: "pre-wrap" }}>{e.note}</div>}
      </div>
    ),
  }));
}
