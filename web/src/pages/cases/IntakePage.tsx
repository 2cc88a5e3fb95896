import { ArrowLeftOutlined, SaveOutlined } from "@ant-design/icons";
import type { Case } from "@weiquan/domain/cases/schema";
import {
  Business,
  type CaseKind,
  CategoryCode,
  type Channel,
  Consumer,
  CreateCaseInput,
  type Nature,
  PhoneNumber,
  type RequestType,
} from "@weiquan/domain/cases/schema";
import { nationalCategories, natureLabels, requestTypeLabels } from "@weiquan/domain/cases/taxonomy";
import {
  Alert,
  Button,
  Card,
  Checkbox,
  Col,
  DatePicker,
  Divider,
  Flex,
  Form,
  Input,
  InputNumber,
  Radio,
  Result,
  Row,
  Select,
  TreeSelect,
  Typography,
} from "antd";
import type { Rule } from "antd/es/form";
import type { Dayjs } from "dayjs";
import { type KeyboardEvent, useMemo, useState } from "react";
import { useNavigate } from "react-router-dom";
import { ApiError, api } from "../../api/client.ts";
import { errorText } from "../../app/errors.ts";
import { showFieldErrors, zodRule } from "../../app/form-rules.ts";
import { useSession } from "../../console/session.tsx";
import { useLang } from "../../i18n/lang.tsx";
import { useT } from "../../i18n/messages.ts";
import { blank } from "../network/forms.ts";
import { casePath, newUuid, yuanToFen } from "./format.ts";
import { useCaseT } from "./messages.ts";
import { categoryOptions, handlingRoles, treeOptions, useUnits } from "./parts.tsx";

interface IntakeValues {
  kind: CaseKind;
  channel: Channel;
  unitId?: string;
  consumer: { name?: string; phone?: string; address?: string; idNumber?: string };
  business: { name?: string; address?: string; creditCode?: string };
  category?: string;
  nature?: Nature;
  subject?: string;
  description?: string;
  requestTypes?: RequestType[];
  request?: string;
  consents?: ("publish" | "mediation")[];
  amountYuan?: number | null;
  occurredAt?: Dayjs | null;
}

/** What the intake desk records; online cases come through the public page. */
const intakeChannels: Channel[] = ["walk_in", "phone", "letter", "transfer_12315", "other"];

/** The form's values as the API's create body: empty fields omitted, yuan in fen, the day in Shanghai. */
export function bodyOf(v: IntakeValues): CreateCaseInput {
  const consumer = {
    name: blank(v.consumer?.name),
    phone: blank(v.consumer?.phone),
    address: blank(v.consumer?.address),
    idNumber: blank(v.consumer?.idNumber),
  };
  const business = {
    name: blank(v.business?.name),
    address: blank(v.business?.address),
    creditCode: blank(v.business?.creditCode),
  };
  const some = (o: Record<string, unknown>) => Object.values(o).some((x) => x !== undefined);
  return {
    kind: v.kind,
    channel: v.channel,
    unitId: v.unitId,
    consumer: some(consumer) ? consumer : undefined,
    business: some(business) ? business : undefined,
    category: v.category ?? "",
    nature: v.nature,
    subject: v.subject?.trim() ?? "",
    description: v.description?.trim() ?? "",
    request: blank(v.request),
    requestTypes: v.requestTypes?.length ? v.requestTypes : undefined,
    consents:
      v.kind === "complaint"
        ? {
            publish: Boolean(v.consents?.includes("publish")),
            mediation: Boolean(v.consents?.includes("mediation")),
          }
        : undefined,
    amountFen: typeof v.amountYuan === "number" ? yuanToFen(v.amountYuan) : undefined,
    occurredAt: v.occurredAt ? `${v.occurredAt.format("YYYY-MM-DD")}T00:00:00+08:00` : undefined,
  };
}

/**
 * Enter moves to the next field, as on a paper form filled at the counter; it stays a newline in the
 * facts, and picks an option in an open list. Ctrl+Enter (or ⌘+Enter) saves from anywhere.
 */
function keyboardFlow(e: KeyboardEvent<HTMLFormElement>, submit: () => void) {
  if (e.key !== "Enter" || e.nativeEvent.isComposing) return;
  if (e.ctrlKey || e.metaKey) {
    e.preventDefault();
    submit();
    return;
  }
  const target = e.target as HTMLElement;
  if (target.tagName === "TEXTAREA" || target.tagName === "BUTTON") return;
  if (target.getAttribute("aria-expanded") === "true") return;
  const focusables = [
    ...e.currentTarget.querySelectorAll<HTMLElement>(
      "input:not([type=hidden]):not([disabled]), textarea:not([disabled]), button[type=submit]",
    ),
  ].filter((el) => el.offsetParent !== null && el.tabIndex >= 0);
  const here = focusables.indexOf(target);
  if (here < 0) return;
  const radioName = target instanceof HTMLInputElement && target.type === "radio" ? target.name : null;
  const next = focusables
    .slice(here + 1)
    .find((el) => !(radioName && el instanceof HTMLInputElement && el.name === radioName));
  if (!next) return;
  e.preventDefault();
  next.focus();
}

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
  // One key per form: a double click or a retry after a lost answer never registers the case twice.
  const [idempotencyKey] = useState(newUuid);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const complaint = kind === "complaint";
  const consultation = kind === "consultation";
  const needName = complaint || consultation;
  const needPhone = complaint || consultation;

  const required = (need: boolean, label: string): Rule => ({
    required: need,
    whitespace: true,
    message: t.intakeRequired(label),
  });

  const unitTree = useMemo(() => treeOptions(units.tree, (u) => u.status !== "closed"), [units.tree]);
  const categories = useMemo(() => categoryOptions(t, nationalCategories), [t]);

  if (!handlingRoles.includes(me.user.role)) {
    return <Result status="403" title={t.intakeForbidden} />;
  }

  async function submit() {
    setError(null);
    let values: IntakeValues;
    try {
      values = await form.validateFields();
    } catch {
      setError(common.formHasErrors);
      return;
    }
    const body = bodyOf(values);
    // The same schema as the API: what passes here passes there.
    const checked = CreateCaseInput.safeParse(body);
    if (!checked.success) {
      form.setFields(
        // The body's paths are the form's name paths (same shape).
        checked.error.issues.map((i) => ({ name: i.path as never, errors: [i.message] })),
      );
      setError(common.formHasErrors);
      return;
    }
    setSaving(true);
    try {
      const created = await api<Case>("/v1/cases", {
        method: "POST",
        body,
        headers: { "Idempotency-Key": idempotencyKey },
      });
      navigate(casePath(created.id), { state: { created: true } });
    } catch (e) {
      setError(
        e instanceof ApiError && e.details.length ? `${t.intakeFailed}：${e.message}` : errorText(e, common),
      );
      showFieldErrors(form, e);
    } finally {
      setSaving(false);
    }
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
      <Flex justify="space-between" align="flex-start" gap={16} wrap style={{ marginBottom: 8 }}>
        <div>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t.intakeTitle}
          </Typography.Title>
          <Typography.Text type="secondary">{t.intakeIntro}</Typography.Text>
        </div>
        <Button icon={<ArrowLeftOutlined />} onClick={() => navigate("/cases")} data-testid="intake-back">
          {t.intakeCancel}
        </Button>
      </Flex>
      {error && (
        <Alert type="error" showIcon title={error} style={{ margin: "12px 0" }} data-testid="intake-error" />
      )}
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

        <Divider titlePlacement="start" plain>
          {t.intakeConsumer(kind)}
        </Divider>
        <Row gutter={16}>
          <Col xs={24} md={6}>
            <Form.Item
              name={["consumer", "name"]}
              label={t.consumerName}
              rules={[
                required(needName, t.consumerName),
                zodRule(Consumer.shape.name.unwrap(), t.intakeInvalid(t.consumerName), lang, true),
              ]}
            >
              <Input autoFocus maxLength={50} autoComplete="off" data-testid="intake-consumer-name" />
            </Form.Item>
          </Col>
          <Col xs={24} md={6}>
            <Form.Item
              name={["consumer", "phone"]}
              label={t.consumerPhone}
              validateDebounce={300}
              rules={[
                required(needPhone, t.consumerPhone),
                zodRule(PhoneNumber, t.intakeInvalid(t.consumerPhone), lang, true),
              ]}
            >
              <Input inputMode="tel" maxLength={30} autoComplete="off" data-testid="intake-consumer-phone" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              name={["consumer", "address"]}
              label={t.consumerAddress}
              rules={[required(complaint, t.consumerAddress)]}
            >
              <Input maxLength={200} autoComplete="off" data-testid="intake-consumer-address" />
            </Form.Item>
          </Col>
          <Col xs={24} md={8}>
            <Form.Item
              name={["consumer", "idNumber"]}
              label={t.consumerIdNumber}
              validateDebounce={300}
              rules={[
                zodRule(Consumer.shape.idNumber.unwrap(), t.intakeInvalid(t.consumerIdNumber), lang, true),
              ]}
            >
              <Input maxLength={18} autoComplete="off" data-testid="intake-consumer-id" />
            </Form.Item>
          </Col>
        </Row>

        <Divider titlePlacement="start" plain>
          {t.intakeBusiness(kind)}
        </Divider>
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item
              name={["business", "name"]}
              label={t.businessName}
              rules={[required(complaint, t.businessName)]}
            >
              <Input maxLength={100} autoComplete="off" data-testid="intake-business-name" />
            </Form.Item>
          </Col>
          <Col xs={24} md={10}>
            <Form.Item
              name={["business", "address"]}
              label={t.businessAddress}
              rules={[required(complaint, t.businessAddress)]}
            >
              <Input maxLength={200} autoComplete="off" data-testid="intake-business-address" />
            </Form.Item>
          </Col>
          <Col xs={24} md={6}>
            <Form.Item
              name={["business", "creditCode"]}
              label={t.businessCreditCode}
              validateDebounce={300}
              rules={[
                zodRule(
                  Business.shape.creditCode.unwrap(),
                  t.intakeInvalid(t.businessCreditCode),
                  lang,
                  true,
                ),
              ]}
            >
              <Input maxLength={18} autoComplete="off" data-testid="intake-business-credit" />
            </Form.Item>
          </Col>
        </Row>

        <Divider titlePlacement="start" plain>
          {t.intakeFacts}
        </Divider>
        <Row gutter={16}>
          <Col xs={24} md={8}>
            <Form.Item
              name="category"
              label={t.category}
              rules={[
                { required: true, message: t.intakeRequired(t.category) },
                zodRule(CategoryCode, t.intakeInvalid(t.category), lang, true),
              ]}
            >
              <Select
                showSearch={{ optionFilterProp: "label" }}
                placeholder={t.categoryPlaceholder}
                options={categories}
                data-testid="intake-category"
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={6}>
            <Form.Item name="nature" label={t.nature}>
              <Select
                allowClear
                showSearch={{ optionFilterProp: "label" }}
                options={(Object.keys(natureLabels) as Nature[]).map((n) => ({
                  value: n,
                  label: t.natureOf[n],
                }))}
                data-testid="intake-nature"
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={5}>
            <Form.Item name="amountYuan" label={t.amount}>
              <InputNumber<number>
                min={0}
                max={1_000_000_000}
                precision={2}
                step={100}
                style={{ width: "100%" }}
                data-testid="intake-amount"
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={5}>
            <Form.Item name="occurredAt" label={t.occurredAt}>
              <DatePicker
                style={{ width: "100%" }}
                disabledDate={(d) => d.isAfter(new Date())}
                data-testid="intake-occurred"
              />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="subject" label={t.subject} rules={[required(true, t.subject)]}>
              <Input
                maxLength={100}
                showCount
                placeholder={t.subjectPlaceholder}
                data-testid="intake-subject"
              />
            </Form.Item>
          </Col>
          <Col span={24}>
            <Form.Item name="description" label={t.description} rules={[required(true, t.description)]}>
              <Input.TextArea
                autoSize={{ minRows: 3, maxRows: 10 }}
                maxLength={5000}
                showCount
                data-testid="intake-description"
              />
            </Form.Item>
          </Col>
          {kind !== "consultation" && (
            <Col span={24}>
              <Form.Item name="requestTypes" label={t.requestTypes} required={complaint}>
                <Checkbox.Group
                  options={(Object.keys(requestTypeLabels) as RequestType[]).map((r) => ({
                    value: r,
                    label: <span data-testid={`intake-request-${r}`}>{t.requestType[r]}</span>,
                  }))}
                  onChange={() => setTimeout(() => void form.validateFields([["request"]]).catch(() => {}))}
                />
              </Form.Item>
              <Form.Item
                name="request"
                label={t.request}
                dependencies={["requestTypes", "kind"]}
                rules={[
                  {
                    validator: async (_r, value: string | undefined) => {
                      const types: RequestType[] | undefined = form.getFieldValue("requestTypes");
                      if (form.getFieldValue("kind") === "complaint" && !value?.trim() && !types?.length)
                        throw new Error(t.intakeRequestRequired);
                    },
                  },
                ]}
              >
                <Input.TextArea
                  autoSize={{ minRows: 1, maxRows: 4 }}
                  maxLength={1000}
                  placeholder={t.requestPlaceholder}
                  data-testid="intake-request"
                />
              </Form.Item>
            </Col>
          )}
          {complaint && (
            <Col span={24}>
              <Form.Item name="consents" label={t.consents}>
                <Checkbox.Group
                  options={[
                    {
                      value: "publish",
                      label: <span data-testid="intake-consent-publish">{t.consentPublish}</span>,
                    },
                    {
                      value: "mediation",
                      label: <span data-testid="intake-consent-mediation">{t.consentMediation}</span>,
                    },
                  ]}
                />
              </Form.Item>
            </Col>
          )}
        </Row>
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
