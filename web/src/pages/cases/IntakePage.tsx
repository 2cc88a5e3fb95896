import { ArrowLeftOutlined, SaveOutlined } from "@ant-design/icons";
import { useQueryClient } from "@tanstack/react-query";
import { CreateCaseInput } from "@weiquan/domain/cases/schema";
import { nationalCategories } from "@weiquan/domain/cases/taxonomy";
import { Button, Card, Col, Flex, Form, Radio, Result, Row, TreeSelect } from "antd";
import type { Rule } from "antd/es/form";
import { useMemo, useState } from "react";
import { useNavigate } from "react-router-dom";
import { api, ok } from "../../api/client.ts";
import { keys } from "../../api/query.ts";
import { sendOnce } from "../../api/retry.ts";
import { AttachmentUploader, useEvidenceLabel } from "../../app/Attachments.tsx";
import { ErrorAlert } from "../../app/ErrorAlert.tsx";
import { PageHeader } from "../../app/PageHeader.tsx";
import { useFormSubmit } from "../../app/useFormSubmit.ts";
import { useSession } from "../../console/session.tsx";
import { useLang } from "../../i18n/lang.tsx";
import { useT } from "../../i18n/messages.ts";
import { casePath, newUuid } from "./format.ts";
import { FactsFields } from "./intake/FactsFields.tsx";
import { PartyFields } from "./intake/PartyFields.tsx";
import { bodyOf, type IntakeValues, intakeChannels, keyboardFlow } from "./intake/values.ts";
import { useCaseT } from "./messages.ts";
import { categoryOptions, handlingRoles, treeOptions, useUnits } from "./parts.tsx";

/** 登记: fast keyboard entry of a phone or walk-in case, checked as you type against the API's schema. */
export default function IntakePage() {
  const t = useCaseT();
  const common = useT();
  const { lang } = useLang();
  const { me } = useSession();
  const navigate = useNavigate();
  const units = useUnits();
  const [form] = Form.useForm<IntakeValues>();
  const kind = Form.useWatch("kind", form) ?? "complaint";
  // One key per form: a double click, a retry after a 503 or after a lost answer never registers the
  // case twice — the API answers a repeated key with the first answer.
  const [idempotencyKey] = useState(newUuid);
  const evidence = useEvidenceLabel();
  const queryClient = useQueryClient();

  const required = (need: boolean, label: string): Rule => ({
    required: need,
    whitespace: true,
    message: t.intakeRequired(label),
  });

  const unitTree = useMemo(() => treeOptions(units.tree, (u) => u.status !== "closed"), [units.tree]);
  const categories = useMemo(() => categoryOptions(t, nationalCategories), [t]);

  const { submit, saving, error } = useFormSubmit(form, async (values) => {
    // The same schema as the API: what passes here passes there.
    const checked = CreateCaseInput.safeParse(bodyOf(values));
    if (!checked.success) {
      // The body's paths are the form's name paths (same shape).
      form.setFields(checked.error.issues.map((i) => ({ name: i.path as never, errors: [i.message] })));
      throw new Error(common.formHasErrors);
    }
    const created = await sendOnce(() =>
      ok(api.v1.cases.$post({ json: checked.data, header: { "idempotency-key": idempotencyKey } })),
    );
    void queryClient.invalidateQueries({ queryKey: keys.cases });
    void queryClient.invalidateQueries({ queryKey: keys.worklist });
    navigate(casePath(created.id), { state: { created: true } });
  });

  if (!handlingRoles.includes(me.user.role)) {
    return <Result status="403" title={t.intakeForbidden} />;
  }

  const initialValues: IntakeValues = {
    kind: "complaint",
    channel: "walk_in",
    unitId: me.unit?.id,
    consumer: {},
    business: {},
    requestTypes: [],
    consents: [],
  };

  return (
    <Card data-testid="intake-page" style={{ maxWidth: 1100 }}>
      <PageHeader title={t.intakeTitle} intro={t.intakeIntro} style={{ marginBottom: 8 }}>
        <Button icon={<ArrowLeftOutlined />} onClick={() => navigate("/cases")} data-testid="intake-back">
          {t.intakeCancel}
        </Button>
      </PageHeader>
      <ErrorAlert error={error} title={t.intakeFailed} testId="intake-error" />
      <Form<IntakeValues>
        form={form}
        name="intake"
        layout="vertical"
        initialValues={initialValues}
        disabled={saving}
        onKeyDown={(e) => keyboardFlow(e, () => void submit())}
        onFinish={() => void submit()}
        scrollToFirstError
        requiredMark
      >
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item name="kind" label={t.intakeKind}>
              <Radio.Group
                optionType="button"
                buttonStyle="solid"
                options={(["complaint", "report", "consultation"] as const).map((k) => ({
                  value: k,
                  label: <span data-testid={`intake-kind-${k}`}>{t.kind[k]}</span>,
                }))}
                onChange={() =>
                  // Requirements change with the kind: show what is missing now, drop what no longer is.
                  setTimeout(() => {
                    const touched = form
                      .getFieldsError()
                      .filter((f) => f.errors.length || form.isFieldTouched(f.name as never))
                      .map((f) => f.name as never);
                    void form.validateFields(touched).catch(() => {});
                  })
                }
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={10}>
            <Form.Item name="channel" label={t.intakeChannel}>
              <Radio.Group
                optionType="button"
                options={intakeChannels.map((c) => ({
                  value: c,
                  label: <span data-testid={`intake-channel-${c}`}>{t.channel[c]}</span>,
                }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={6}>
            <Form.Item
              name="unitId"
              label={t.intakeUnit}
              rules={[{ required: true, message: t.intakeRequired(t.intakeUnit) }]}
            >
              <TreeSelect
                treeData={unitTree}
                treeDefaultExpandAll
                showSearch={{ treeNodeFilterProp: "title" }}
                disabled={units.units.length <= 1}
                data-testid="intake-unit"
              />
            </Form.Item>
          </Col>
        </Row>

        <PartyFields kind={kind} t={t} lang={lang} required={required} />
        <FactsFields kind={kind} t={t} lang={lang} required={required} form={form} categories={categories} />
        <Form.Item name="attachmentIds" label={evidence}>
          <AttachmentUploader testId="intake-attachments" />
        </Form.Item>
        <Flex gap={12}>
          <Button
            type="primary"
            htmlType="submit"
            icon={<SaveOutlined />}
            loading={saving}
            data-testid="intake-submit"
          >
            {saving ? t.intakeSaving : t.intakeSubmit}
          </Button>
          <Button onClick={() => navigate("/cases")}>{t.intakeCancel}</Button>
        </Flex>
      </Form>
    </Card>
  );
}
