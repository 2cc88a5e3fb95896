import { ArrowLeftOutlined, FileTextOutlined, ReloadOutlined } from "@ant-design/icons";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import type { Case, CaseAction } from "@weiquan/domain/cases/schema";
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Flex,
  Result,
  Row,
  Space,
  Spin,
  Tag,
  Timeline,
  Typography,
} from "antd";
import { useState } from "react";
import { useLocation, useNavigate, useParams } from "react-router-dom";
import { ApiError } from "../../api/client.ts";
import { keys } from "../../api/query.ts";
import { AttachmentList, useEvidenceLabel } from "../../app/Attachments.tsx";
import { errorText } from "../../app/errors.ts";
import { useT } from "../../i18n/messages.ts";
import { ActionModal } from "./ActionModal.tsx";
import { DeadlineCard } from "./case/DeadlineCard.tsx";
import { factItems, namesOf, outcomeItems, partyItems } from "./case/details.tsx";
import { timelineItems } from "./case/timeline.tsx";
import { documentPath, documentsOf } from "./documents/available.ts";
import type { CaseWithTimeline } from "./format.ts";
import { useCaseT } from "./messages.ts";
import { StatusTag, useUnits } from "./parts.tsx";
import { caseQuery } from "./queries.ts";

/** The case page: facts, parties, clocks, outcome, history, the actions allowed now and the documents. */
export default function CasePage() {
  const t = useCaseT();
  const evidence = useEvidenceLabel();
  const common = useT();
  const { message } = App.useApp();
  const { id = "" } = useParams();
  const location = useLocation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const units = useUnits();
  const loaded = useQuery(caseQuery(id));
  const c: CaseWithTimeline | undefined = loaded.data;
  const loading = loaded.isFetching;
  const load = () => void loaded.refetch().then(() => setConflict(false));
  const [acting, setActing] = useState<CaseAction | null>(null);
  const [conflict, setConflict] = useState(false);
  // "Registered" with the tracking number, until the first action or until dismissed.
  const [created, setCreated] = useState((location.state as { created?: boolean } | null)?.created === true);
  const error = loaded.error
    ? {
        text: errorText(loaded.error, common),
        notFound: loaded.error instanceof ApiError && loaded.error.status === 404,
      }
    : null;

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
        {actions.includes("record_mediation_consent") && c.status !== "registered" && (
          <Alert
            type="warning"
            showIcon
            style={{ marginTop: 16 }}
            title={t.consentNeeded}
            data-testid="case-consent-needed"
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
            {c.attachments?.length ? (
              <Card title={evidence} size="small" data-testid="case-attachments">
                <AttachmentList items={c.attachments} />
              </Card>
            ) : null}
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
        onDone={(updated: Case, action) => {
          setActing(null);
          setCreated(false);
          message.success(t.actionDone(t.action[action]));
          // The answer is the case without its history: show it now, then fetch the history with the new
          // entry; every list, count and to-do that showed the old status is stale too.
          queryClient.setQueryData<CaseWithTimeline>(keys.case(id), (old) =>
            old ? { ...old, ...updated } : old,
          );
          void queryClient.invalidateQueries({ queryKey: keys.cases });
          void queryClient.invalidateQueries({ queryKey: keys.worklist });
        }}
      />
    </Flex>
  );
}
