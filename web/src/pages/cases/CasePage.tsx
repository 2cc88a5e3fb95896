import { ArrowLeftOutlined, FileTextOutlined, ReloadOutlined } from "@ant-design/icons";
import { ruleSets } from "@weiquan/domain/cases/clock/rules";
import type { Case, CaseAction, TimelineEvent } from "@weiquan/domain/cases/schema";
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  type DescriptionsProps,
  Flex,
  Result,
  Row,
  Space,
  Spin,
  Tag,
  Timeline,
  Typography,
} from "antd";
import { useCallback, useEffect, useState } from "react";
import { useLocation, useNavigate, useParams } from "react-router-dom";
import { ApiError, api } from "../../api/client.ts";
import { errorText } from "../../app/errors.ts";
import { useAlive } from "../../app/useAlive.ts";
import { useT } from "../../i18n/messages.ts";
import { CalendarOverridesBanner } from "../settings/CalendarOverridesBanner.tsx";
import { ActionModal } from "./ActionModal.tsx";
import { documentPath, documentsOf } from "./documents/available.ts";
import { type CaseWithTimeline, fenToYuan, formatDate, formatTime } from "./format.ts";
import { type CaseMessages, useCaseT } from "./messages.ts";
import { Deadline, StatusTag, type UnitsState, unitName, useUnits } from "./parts.tsx";

/** The case page: facts, parties, clocks, outcome, history, the actions allowed now and the documents. */
export default function CasePage() {
  const t = useCaseT();
  const common = useT();
  const { message } = App.useApp();
  const { id = "" } = useParams();
  const location = useLocation();
  const navigate = useNavigate();
  const alive = useAlive();
  const units = useUnits();
  const [c, setCase] = useState<CaseWithTimeline | null>(null);
  const [error, setError] = useState<{ text: string; notFound: boolean } | null>(null);
  const [loading, setLoading] = useState(true);
  const [acting, setActing] = useState<CaseAction | null>(null);
  const [conflict, setConflict] = useState(false);
  // "Registered" with the tracking number, until the first action or until dismissed.
  const [created, setCreated] = useState((location.state as { created?: boolean } | null)?.created === true);

  const load = useCallback(async () => {
    setLoading(true);
    try {
      const found = await api<CaseWithTimeline>(`/v1/cases/${encodeURIComponent(id)}`);
      if (!alive.current) return;
      setCase(found);
      setError(null);
      setConflict(false);
    } catch (e) {
      if (alive.current)
        setError({ text: errorText(e, common), notFound: e instanceof ApiError && e.status === 404 });
    } finally {
      if (alive.current) setLoading(false);
    }
  }, [id, alive, common]);

  useEffect(() => {
    void load();
  }, [load]);

  if (error && !c) {
    return error.notFound ? (
      <Result status="404" title={t.caseNotFound} data-testid="case-not-found" />
    ) : (
      <Result
        status="warning"
        title={t.caseLoadFailed}
        subTitle={error.text}
        extra={<Button onClick={load}>{common.retry}</Button>}
        data-testid="case-error"
      />
    );
  }
  if (!c) return <Spin style={{ display: "block", margin: 48 }} />;

  const names = namesOf(c, units, t);
  const actions = c.canHandle ? c.allowedActions : [];
  const documents = c.canHandle && !c.masked ? documentsOf(c) : [];

  return (
    <Flex vertical gap={16} data-testid="case-page" data-case-id={c.id} data-version={c.version}>
      <Card>
        <Flex justify="space-between" align="flex-start" gap={16} wrap>
          <Space orientation="vertical" size={4}>
            <Space wrap>
              <Button
                icon={<ArrowLeftOutlined />}
                type="text"
                onClick={() => navigate("/cases")}
                data-testid="case-back"
                aria-label={t.caseBack}
              />
              <Typography.Title level={3} style={{ margin: 0 }} copyable={{ text: c.trackingNo }}>
                <span data-testid="case-tracking-no">{c.trackingNo}</span>
              </Typography.Title>
              <Tag>{t.kind[c.kind]}</Tag>
              <StatusTag status={c.status} testId="case-status" />
            </Space>
            <Typography.Text strong style={{ fontSize: 16 }} data-testid="case-subject">
              {c.subject}
            </Typography.Text>
          </Space>
          <Button icon={<ReloadOutlined />} onClick={load} loading={loading} data-testid="case-refresh">
            {t.caseRefresh}
          </Button>
        </Flex>
        {created && (
          <Alert
            type="success"
            showIcon
            style={{ marginTop: 16 }}
            title={t.createdTitle}
            closable={{ onClose: () => setCreated(false) }}
            description={
              <Space orientation="vertical" size={0}>
                <Typography.Text
                  style={{ fontSize: 28, letterSpacing: 2 }}
                  strong
                  data-testid="case-created-no"
                >
                  {c.trackingNo}
                </Typography.Text>
                <span>{t.createdBody}</span>
              </Space>
            }
            data-testid="case-created"
          />
        )}
        {conflict && (
          <Alert
            type="warning"
            showIcon
            style={{ marginTop: 16 }}
            title={t.conflictTitle}
            description={t.conflictBody}
            action={
              <Button type="primary" onClick={load} loading={loading} data-testid="case-conflict-reload">
                {t.conflictReload}
              </Button>
            }
            data-testid="case-conflict"
          />
        )}
        {c.masked && (
          <Alert
            type="info"
            showIcon
            style={{ marginTop: 16 }}
            title={t.caseMasked}
            data-testid="case-masked"
          />
        )}
        <Flex gap={8} wrap align="center" style={{ marginTop: 16 }} data-testid="case-actions">
          {actions.map((a) => (
            <Button
              key={a}
              type={a === actions[0] ? "primary" : "default"}
              danger={a === "reject" || a === "terminate" || a === "fail"}
              onClick={() => setActing(a)}
              disabled={conflict}
              data-testid={`case-action-${a}`}
            >
              {t.action[a]}
            </Button>
          ))}
          {c.canHandle && actions.length === 0 && (
            <Typography.Text type="secondary">{t.caseNoActions}</Typography.Text>
          )}
          {!c.canHandle && (
            <Typography.Text type="secondary" data-testid="case-read-only">
              {t.caseReadOnly}
            </Typography.Text>
          )}
          {documents.length > 0 && (
            <Space wrap style={{ marginLeft: "auto" }}>
              <FileTextOutlined />
              {documents.map((d) => (
                <Button
                  key={d}
                  size="small"
                  onClick={() => navigate(documentPath(c.id, d))}
                  data-testid={`case-doc-${d}`}
                >
                  {d === "registration" ? t.docRegistrationOf(c.kind) : t.docs[d]}
                </Button>
              ))}
            </Space>
          )}
        </Flex>
      </Card>

      <Row gutter={[16, 16]}>
        <Col xs={24} xl={15}>
          <Flex vertical gap={16}>
            <Card title={t.caseFacts} size="small">
              <Descriptions size="small" bordered column={{ xs: 1, md: 2 }} items={factItems(c, t, names)} />
            </Card>
            <Card title={t.caseParties} size="small">
              <Descriptions
                size="small"
                bordered
                column={{ xs: 1, md: 2 }}
                items={partyItems(c, t)}
                data-testid="case-parties"
              />
            </Card>
            {outcomeItems(c, t).length > 0 && (
              <Card title={t.caseOutcome} size="small">
                <Descriptions
                  size="small"
                  bordered
                  column={1}
                  items={outcomeItems(c, t)}
                  data-testid="case-outcome"
                />
              </Card>
            )}
          </Flex>
        </Col>
        <Col xs={24} xl={9}>
          <Flex vertical gap={16}>
            <Card title={t.caseDeadlines} size="small" data-testid="case-deadlines">
              <DeadlineCard c={c} t={t} />
            </Card>
            <Card title={t.caseTimeline} size="small">
              <Timeline items={timelineItems(c, t, names)} data-testid="case-timeline" />
            </Card>
          </Flex>
        </Col>
      </Row>

      <ActionModal
        c={c}
        action={acting}
        onClose={() => setActing(null)}
        onConflict={() => {
          setActing(null);
          setConflict(true);
        }}
        onDone={(updated, action) => {
          setActing(null);
          setCreated(false);
          message.success(t.actionDone(t.action[action]));
          // The answer is the case without its history: fetch the history with the new entry.
          setCase((old) => (old ? { ...old, ...updated } : old));
          void load();
        }}
      />
    </Flex>
  );
}

const text = (s: string | null | undefined, t: CaseMessages) => (s ? s : t.none);

/**
 * Unit names for this case: the visible units, plus the ones the timeline names (a point that passed a case
 * up does not see its station in /v1/units, but the escalation entry says where it went).
 */
function namesOf(c: CaseWithTimeline, units: UnitsState, t: CaseMessages): (id: string) => string {
  const learned = new Map<string, string>();
  for (const e of c.timeline)
    if (typeof e.data?.toUnitId === "string" && typeof e.data.toUnitName === "string")
      learned.set(e.data.toUnitId, e.data.toUnitName);
  return (id) => units.byId.get(id)?.name ?? learned.get(id) ?? unitName(units, id, t.unitOutside);
}

function factItems(c: Case, t: CaseMessages, nameOf: (id: string) => string): DescriptionsProps["items"] {
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
    { key: "origin", label: t.caseOrigin, children: nameOf(c.originUnitId) },
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

function partyItems(c: Case, t: CaseMessages): DescriptionsProps["items"] {
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

function outcomeItems(c: Case, t: CaseMessages): NonNullable<DescriptionsProps["items"]> {
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
  return items;
}

function DeadlineCard({ c, t }: { c: Case; t: CaseMessages }) {
  const rules = ruleSets.find((r) => r.id === c.ruleSet);
  const rows: [string, string | undefined, string | undefined][] = [
    [t.caseAcceptBy, c.deadlines.acceptBy, rules?.basis.accept],
    [t.caseMediateBy, c.deadlines.mediateBy, rules?.basis.mediate],
    [t.caseHandOverBy, c.deadlines.handOverBy, rules?.basis.handOver],
    [t.caseCheckBy, c.deadlines.checkBy, rules?.basis.reportCheck],
  ];
  // A deadline in a year the holiday data does not know was counted Monday to Friday: say so.
  const years = rows.flatMap(([, at]) => (at ? [Number(at.slice(0, 4))] : []));
  return (
    <Flex vertical gap={8}>
      {years.length > 0 && <CalendarOverridesBanner years={years} testId="case-calendar-uncovered" />}
      <div>
        <Typography.Text type="secondary">{t.caseRuleSet}：</Typography.Text>
        <span data-testid="case-rule-set">
          《{rules?.title ?? c.ruleSet}》{rules?.order ? `（${rules.order}）` : ""}
        </span>
      </div>
      <div>
        <Typography.Text type="secondary">{t.caseDueBy}：</Typography.Text>
        <Deadline c={c} testId="case-deadline" />
      </div>
      {c.paused && <Alert type="info" showIcon title={t.casePaused} />}
      {rows
        .filter(([, at]) => at)
        .map(([label, at, basis]) => (
          <div key={label}>
            <Typography.Text type="secondary">{label}：</Typography.Text>
            {formatTime(at)}
            {basis && (
              <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: 0 }}>
                {basis}
              </Typography.Paragraph>
            )}
          </div>
        ))}
    </Flex>
  );
}

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

function timelineItems(c: CaseWithTimeline, t: CaseMessages, nameOf: (id: string) => string) {
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
