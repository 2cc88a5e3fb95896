import { EditOutlined, PlayCircleOutlined, PlusOutlined } from "@ant-design/icons";
import { useQueryClient } from "@tanstack/react-query";
import { canRunAssessments } from "@weiquan/domain/access/policy";
import { Button, Card, Flex, Select, Space, type TableColumnsType, Tag, Typography } from "antd";
import { useState } from "react";
import { useNavigate } from "react-router-dom";
import { api, ok } from "../../api/client.ts";
import { keys } from "../../api/query.ts";
import { sendOnce } from "../../api/retry.ts";
import { Field } from "../../app/Field.tsx";
import { PagedTable } from "../../app/PagedTable.tsx";
import { useRowActions } from "../../app/useRowActions.ts";
import { useSession } from "../../console/session.tsx";
import { newUuid } from "../cases/format.ts";
import {
  type AssessmentHeader,
  assessmentPath,
  assessmentsQuery,
  type Template,
  templatesQuery,
} from "./api.ts";
import { useAssessmentT } from "./messages.ts";
import { StatusTag } from "./parts.tsx";
import { TemplateDrawer } from "./TemplateDrawer.tsx";

const thisYear = () => String(new Date().getFullYear());
const years = () => Array.from({ length: 4 }, (_, i) => String(Number(thisYear()) + 1 - i));

/** 年度考核: the year's templates and assessments; each assessment opens its sheets. */
export default function AssessmentPage() {
  const t = useAssessmentT();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { me } = useSession();
  const role = me.user.role;
  const [year, setYear] = useState(thisYear);
  const [editing, setEditing] = useState<Template | "new" | null>(null);
  const { busy, run } = useRowActions();
  const refresh = () => void queryClient.invalidateQueries({ queryKey: keys.assessment });

  const make = (tpl: Template) =>
    run(
      tpl.id,
      async () => {
        const key = newUuid();
        const made = await sendOnce(() =>
          ok(
            api.v1.assessments.$post({
              json: { templateId: tpl.id, year: tpl.year },
              header: { "idempotency-key": key },
            }),
          ),
        );
        refresh();
        navigate(assessmentPath(made.id));
        return made;
      },
      (made) => t.made(made.name),
    );

  const templateColumns: TableColumnsType<Template> = [
    { title: t.colName, dataIndex: "name" },
    {
      title: t.appliesTo,
      dataIndex: "appliesTo",
      width: 160,
      render: (a: Template["appliesTo"]) => a.map((x) => t[x]).join("、"),
    },
    { title: t.items, key: "items", width: 90, render: (_, tpl) => tpl.items.length },
    {
      title: t.colActions,
      key: "actions",
      width: 260,
      render: (_, tpl) =>
        tpl.assessmentId ? (
          <Space>
            <Tag>{t.inUse}</Tag>
            <Button size="small" onClick={() => navigate(assessmentPath(tpl.assessmentId!))}>
              {t.open}
            </Button>
          </Space>
        ) : (
          <Space>
            {role === "bureau_admin" && (
              <Button
                size="small"
                icon={<EditOutlined />}
                onClick={() => setEditing(tpl)}
                data-testid={`template-edit-${tpl.name}`}
              >
                {t.editTemplate}
              </Button>
            )}
            {canRunAssessments(role) && (
              <Button
                size="small"
                type="primary"
                icon={<PlayCircleOutlined />}
                loading={busy(tpl.id)}
                onClick={() => void make(tpl)}
                data-testid={`template-make-${tpl.name}`}
              >
                {t.make}
              </Button>
            )}
          </Space>
        ),
    },
  ];

  const assessmentColumns: TableColumnsType<AssessmentHeader> = [
    { title: t.colName, dataIndex: "name" },
    { title: t.colStatus, key: "status", width: 110, render: (_, a) => <StatusTag status={a.status} /> },
    {
      title: t.colProgress,
      key: "progress",
      width: 220,
      render: (_, a) =>
        a.status === "creating" ? `${a.progress.done} / ${a.progress.total}` : t.unscored(a.unscoredItems),
    },
    {
      title: t.signOff,
      key: "signOff",
      width: 220,
      render: (_, a) => (a.signOff ? t.signedOff(a.signOff.name, a.signOff.at.slice(0, 10)) : t.notSignedOff),
    },
    {
      title: t.colActions,
      key: "actions",
      width: 100,
      render: (_, a) => (
        <Button
          size="small"
          onClick={() => navigate(assessmentPath(a.id))}
          data-testid={`assessment-open-${a.name}`}
        >
          {t.open}
        </Button>
      ),
    },
  ];

  return (
    <Flex vertical gap={16} data-testid="assessment-page">
      <div>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          {t.title}
        </Typography.Title>
        <Typography.Paragraph type="secondary">{t.intro}</Typography.Paragraph>
        <Field label={t.year} htmlFor="assessment-year">
          <Select
            id="assessment-year"
            value={year}
            onChange={setYear}
            options={years().map((y) => ({ value: y, label: y }))}
            style={{ width: 120 }}
            data-testid="assessment-year"
          />
        </Field>
      </div>
      <Card
        title={t.templates}
        extra={
          role === "bureau_admin" && (
            <Button icon={<PlusOutlined />} onClick={() => setEditing("new")} data-testid="template-new">
              {t.newTemplate}
            </Button>
          )
        }
      >
        <PagedTable<Template>
          rowKey="id"
          query={templatesQuery(year)}
          testId="templates"
          errorTitle={t.loadFailed}
          columns={templateColumns}
          count={t.count}
        />
      </Card>
      <Card title={t.assessments}>
        <PagedTable<AssessmentHeader>
          rowKey="id"
          query={assessmentsQuery(year)}
          testId="assessments"
          errorTitle={t.loadFailed}
          columns={assessmentColumns}
          count={t.count}
        />
      </Card>
      <TemplateDrawer
        year={year}
        editing={editing}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          refresh();
        }}
      />
    </Flex>
  );
}
