import { useQuery } from "@tanstack/react-query";
import { Alert, Descriptions, Drawer, Flex, Form, Input, InputNumber, Typography } from "antd";
import { type ReactNode, useEffect, useState } from "react";
import { api, ok } from "../../api/client.ts";
import { AttachmentList, AttachmentUploader, useEvidenceLabel } from "../../app/Attachments.tsx";
import { FormDrawer } from "../../app/FormDrawer.tsx";
import { useLang } from "../../i18n/lang.tsx";
import { type Assessment, type Metric, metricsQuery, type Sheet } from "./api.ts";
import { useAssessmentT } from "./messages.ts";
import { pts, Stars } from "./parts.tsx";

/** Per manual item: its points, note, and the evidence files uploaded in this form (added to those shown). */
type Scores = Record<string, { points: number | null; note?: string; newFiles?: string[] }>;
interface Values {
  scores: Scores;
}

const initialScores = (s: Sheet): Scores =>
  Object.fromEntries(
    s.items.filter((i) => !i.auto).map((i) => [i.code, { points: i.points, note: i.note ?? "" }]),
  );

/** Each item of a sheet: what it scores, its points, an auto item's inputs and definition. */
function SheetItems({
  assessment,
  sheet,
  metrics,
  edit,
}: {
  assessment: Assessment;
  sheet: Sheet;
  metrics: Metric[];
  edit?: (code: string, max: number) => ReactNode;
}) {
  const t = useAssessmentT();
  const { lang } = useLang();
  return (
    <Flex vertical gap={12}>
      {assessment.template.items.map((item) => {
        const got = sheet.items.find((i) => i.code === item.code);
        const metric = metrics.find((m) => m.code === item.metric);
        return (
          <div
            key={item.code}
            data-testid={`sheet-item-${item.code}`}
            style={{ borderBottom: "1px solid #f0f0f0", paddingBottom: 8 }}
          >
            <Flex justify="space-between" gap={8}>
              <Typography.Text strong>
                {item.code} {item.title}（{item.maxPoints}）
              </Typography.Text>
              <Typography.Text>{item.source === "auto" ? t.sourceAuto : t.sourceManual}</Typography.Text>
            </Flex>
            {item.guidance && (
              <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
                {item.guidance}
              </Typography.Paragraph>
            )}
            {item.source === "auto" ? (
              <>
                <div>
                  {t.points}: {pts(got?.points)}
                  {got?.input &&
                    ` · ${metric ? (lang === "zh" ? metric.label : metric.labelEn) : item.metric} ${t.autoInput(got.input.numerator, got.input.denominator)}`}
                  {got?.noData && ` · ${t.noData}`}
                </div>
                {metric && (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t.definition}: {lang === "zh" ? metric.definition : metric.definitionEn}
                  </Typography.Text>
                )}
              </>
            ) : edit ? (
              edit(item.code, item.maxPoints)
            ) : (
              <div>
                {t.points}: {pts(got?.points)}
                {got?.note && ` · ${got.note}`}
              </div>
            )}
            {item.source !== "auto" && (
              <AttachmentList items={got?.attachments ?? []} testId={`sheet-evidence-${item.code}`} />
            )}
          </div>
        );
      })}
    </Flex>
  );
}

/** A unit's sheet: read, or (the bureau while scoring) its manual items scored with notes. */
export function SheetDrawer({
  assessment,
  sheet,
  editable,
  onClose,
  onSaved,
}: {
  assessment: Assessment;
  sheet: Sheet | null;
  editable: boolean;
  onClose: () => void;
  onSaved: () => void;
}) {
  const t = useAssessmentT();
  const [form] = Form.useForm<Values>();
  const metrics = useQuery(metricsQuery).data ?? [];
  const evidence = useEvidenceLabel();
  const [current, setCurrent] = useState<Sheet | null>(sheet);
  const [stale, setStale] = useState(false);
  useEffect(() => {
    setCurrent(sheet);
    setStale(false);
  }, [sheet]);
  if (!current) return null;

  const summary = (
    <Descriptions size="small" column={2} style={{ marginBottom: 12 }}>
      <Descriptions.Item label={t.colTotal}>{pts(current.total)}</Descriptions.Item>
      {current.rank !== null && <Descriptions.Item label={t.colRank}>{current.rank}</Descriptions.Item>}
      {current.stars !== null && (
        <Descriptions.Item label={t.colStars}>
          <Stars n={current.stars} />
        </Descriptions.Item>
      )}
    </Descriptions>
  );

  if (!editable)
    return (
      <Drawer
        open={sheet !== null}
        onClose={onClose}
        title={t.sheetTitle(current.unitName)}
        size={640}
        data-testid="sheet-drawer"
      >
        {summary}
        <SheetItems assessment={assessment} sheet={current} metrics={metrics} />
      </Drawer>
    );

  const submit = async (v: Values) => {
    const items = Object.entries(v.scores ?? {}).map(([code, s]) => {
      const kept = (current.items.find((i) => i.code === code)?.attachments ?? []).map((a) => a.id);
      return {
        code,
        points: s.points ?? null,
        ...(s.note?.trim() ? { note: s.note.trim() } : {}),
        // The whole list: the files the item shows plus those uploaded now.
        ...(s.newFiles?.length ? { attachmentIds: [...kept, ...s.newFiles] } : {}),
      };
    });
    const saved = await ok(
      api.v1.assessments[":id"].sheets[":unitId"].$patch({
        param: { id: assessment.id, unitId: current.unitId },
        json: { version: current.version, items },
      }),
    );
    setCurrent(saved);
    onSaved();
    onClose();
  };

  return (
    <FormDrawer<Values>
      open={sheet !== null}
      title={t.sheetTitle(current.unitName)}
      testId="sheet"
      form={form}
      name="sheet"
      initialValues={{ scores: initialScores(current) }}
      submitText={t.save}
      errorTitle={t.scoreFailed}
      onSubmit={submit}
      onClose={onClose}
      size={640}
      onConflict={(e) => {
        const latest = (e.data as { current?: Sheet } | undefined)?.current;
        if (latest) {
          setCurrent(latest);
          form.setFieldsValue({ scores: initialScores(latest) });
        }
        setStale(true);
      }}
    >
      {stale && (
        <Alert
          type="warning"
          showIcon
          title={t.stale}
          style={{ marginBottom: 12 }}
          data-testid="sheet-stale"
        />
      )}
      {summary}
      <SheetItems
        assessment={assessment}
        sheet={current}
        metrics={metrics}
        edit={(code, max) => (
          <Flex gap={8} align="start" wrap>
            <Form.Item name={["scores", code, "points"]} label={t.points} style={{ marginBottom: 0 }}>
              <InputNumber min={0} max={max} step={0.5} data-testid={`score-${code}`} />
            </Form.Item>
            <Form.Item
              name={["scores", code, "note"]}
              label={t.note}
              style={{ flex: 1, minWidth: 200, marginBottom: 0 }}
            >
              <Input.TextArea
                autoSize={{ minRows: 1, maxRows: 4 }}
                maxLength={500}
                data-testid={`score-note-${code}`}
              />
            </Form.Item>
            <Form.Item
              name={["scores", code, "newFiles"]}
              label={evidence}
              style={{ width: "100%", marginBottom: 0 }}
            >
              <AttachmentUploader testId={`score-evidence-${code}`} />
            </Form.Item>
          </Flex>
        )}
      />
    </FormDrawer>
  );
}
