import type { Case } from "@weiquan/domain/cases/schema";
import { type DescriptionsProps, Space } from "antd";
import { type CaseWithTimeline, fenToYuan, formatDate, formatTime } from "../format.ts";
import type { CaseMessages } from "../messages.ts";
import { type UnitsState, unitName } from "../parts.tsx";

const text = (s: string | null | undefined, t: CaseMessages) => (s ? s : t.none);

/**
 * Unit names for this case: the visible units, plus the ones the timeline names (a point that passed a case
 * up does not see its station in /v1/units, but the escalation entry says where it went).
 */
export function namesOf(c: CaseWithTimeline, units: UnitsState, t: CaseMessages): (id: string) => string {
  const learned = new Map<string, string>();
  for (const e of c.timeline)
    if (typeof e.data?.toUnitId === "string" && typeof e.data.toUnitName === "string")
      learned.set(e.data.toUnitId, e.data.toUnitName);
  return (id) => units.byId.get(id)?.name ?? learned.get(id) ?? unitName(units, id, t.unitOutside);
}

export function factItems(
  c: Case,
  t: CaseMessages,
  nameOf: (id: string) => string,
): DescriptionsProps["items"] {
  const requests = [...(c.requestTypes ?? []).map((r) => t.requestType[r]), c.request]
    .filter(Boolean)
    .join("；");
  return [
    { key: "kind", label: t.caseKind, children: t.kind[c.kind] },
    { key: "channel", label: t.caseChannel, children: t.channel[c.channel] },
    { key: "category", label: t.category, children: t.categoryLabel(c.category) },
    { key: "nature", label: t.nature, children: c.nature ? t.natureOf[c.nature] : t.none },
    { key: "received", label: t.caseReceived, children: formatTime(c.receivedAt) },
    { key: "occurred", label: t.caseOccurred, children: text(formatDate(c.occurredAt), t) },
    {
      key: "amount",
      label: t.caseAmount,
      children: c.amountFen === null ? t.none : `¥${fenToYuan(c.amountFen)}`,
    },
    {
      key: "recovered",
      label: t.caseRecovered,
      children: <span data-testid="case-recovered">¥{fenToYuan(c.recoveredFen)}</span>,
    },
    {
      key: "unit",
      label: t.caseUnit,
      children: <span data-testid="case-unit">{nameOf(c.unitId)}</span>,
    },
    {
      key: "origin",
      label: t.caseOrigin,
      children: <span data-testid="case-origin">{c.originUnitName ?? nameOf(c.originUnitId)}</span>,
    },
    {
      key: "description",
      label: t.description,
      span: "filled",
      children: <div style={{ whiteSpace: "pre-wrap" }}>{c.description}</div>,
    },
    ...(c.kind === "consultation"
      ? []
      : [{ key: "request", label: t.requestTypes, span: "filled" as const, children: text(requests, t) }]),
    ...(c.kind === "complaint"
      ? [
          {
            key: "consents",
            label: t.consents,
            span: "filled" as const,
            children: `${t.consentPublish}：${c.consents?.publish ? t.consentYes : t.consentNo}；${t.consentMediation}：${
              c.consents?.mediation ? t.consentYes : t.consentNo
            }`,
          },
        ]
      : []),
  ];
}

export function partyItems(c: Case, t: CaseMessages): DescriptionsProps["items"] {
  const anonymous = !c.consumer.name && !c.consumer.phone;
  return [
    {
      key: "consumer",
      label: t.intakeConsumer(c.kind),
      children: (
        <Space orientation="vertical" size={0} data-testid="case-consumer">
          {anonymous ? (
            <span>{t.anonymous}</span>
          ) : (
            <>
              <span data-testid="case-consumer-name">{text(c.consumer.name, t)}</span>
              <span data-testid="case-consumer-phone">{text(c.consumer.phone, t)}</span>
              {c.consumer.address && <span>{c.consumer.address}</span>}
              {c.consumer.idNumber && <span>{c.consumer.idNumber}</span>}
            </>
          )}
        </Space>
      ),
    },
    {
      key: "business",
      label: t.intakeBusiness(c.kind),
      children: (
        <Space orientation="vertical" size={0} data-testid="case-business">
          <span>{text(c.business.name, t)}</span>
          {c.business.address && <span>{c.business.address}</span>}
          {c.business.creditCode && <span>{c.business.creditCode}</span>}
        </Space>
      ),
    },
  ];
}

export function outcomeItems(c: Case, t: CaseMessages): NonNullable<DescriptionsProps["items"]> {
  const items: NonNullable<DescriptionsProps["items"]> = [];
  if (c.rejection)
    items.push({
      key: "rejection",
      label: t.caseRejection,
      children: [t.rejectReason[c.rejection.reason], c.rejection.note].filter(Boolean).join("；"),
    });
  if (c.ending)
    items.push({
      key: "ending",
      label: t.caseEnding,
      children: [t.terminateReason[c.ending.reason], c.ending.note].filter(Boolean).join("；"),
    });
  if (c.agreement)
    items.push({
      key: "agreement",
      label: t.caseAgreement,
      children: (
        <div style={{ whiteSpace: "pre-wrap" }} data-testid="case-agreement">
          {c.agreement}
        </div>
      ),
    });
  if (c.handOver)
    items.push({
      key: "handOver",
      label: t.caseHandOver,
      children: `${c.handOver.to}（${formatTime(c.handOver.at)}）`,
    });
  if (c.feedback) items.push({ key: "feedback", label: t.caseFeedback, children: c.feedback });
  if (c.answer) items.push({ key: "answer", label: t.caseAnswer, children: c.answer });
  if (c.referredTo) items.push({ key: "referred", label: t.caseReferred, children: c.referredTo });
  if (c.callback)
    items.push({
      key: "callback",
      label: t.caseCallback,
      children: (
        <span data-testid="case-callback">
          {[t.callbackResult[c.callback.result], c.callback.note, formatTime(c.callback.at)]
            .filter(Boolean)
            .join("；")}
        </span>
      ),
    });
  // The consumer's own word after closure (public page), beside the unit's callback.
  if (c.rating)
    items.push({
      key: "rating",
      label: t.timelineRating,
      children: (
        <span data-testid="case-rating" data-result={c.rating.result}>
          {[t.callbackResult[c.rating.result], c.rating.note, formatTime(c.rating.at)]
            .filter(Boolean)
            .join("；")}
        </span>
      ),
    });
  return items;
}
