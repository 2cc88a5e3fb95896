import type { CaseKind, Nature, RequestType } from "@weiquan/domain/cases/schema";
import { CategoryCode } from "@weiquan/domain/cases/schema";
import { natureLabels, requestTypeLabels } from "@weiquan/domain/cases/taxonomy";
import {
  Checkbox,
  Col,
  DatePicker,
  Divider,
  Form,
  type FormInstance,
  Input,
  InputNumber,
  Row,
  Select,
} from "antd";
import type { Rule } from "antd/es/form";
import type { ComponentProps } from "react";
import { zodRule } from "../../../app/form-rules.ts";
import type { Lang } from "../../../i18n/lang.tsx";
import type { CaseMessages } from "../messages.ts";
import type { categoryOptions } from "../parts.tsx";
import type { IntakeValues } from "./values.ts";

/**
 * A checkbox group as a labelled `group`: Form.Item hands its child `aria-required`, which a group may not
 * carry (axe: aria-allowed-attr); the required mark stays on the label.
 */
function CheckboxGroup({
  "aria-required": _required,
  ...props
}: ComponentProps<typeof Checkbox.Group> & { "aria-required"?: unknown }) {
  return <Checkbox.Group role="group" {...props} />;
}

/** The facts: category, nature, amount, subject, description, the request and the two consents. */
export function FactsFields({
  kind,
  t,
  lang,
  required,
  form,
  categories,
}: {
  kind: CaseKind;
  t: CaseMessages;
  lang: Lang;
  required: (need: boolean, label: string) => Rule;
  form: FormInstance<IntakeValues>;
  categories: ReturnType<typeof categoryOptions>;
}) {
  const complaint = kind === "complaint";
  return (
    <>
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
              <CheckboxGroup
                aria-label={t.requestTypes}
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
              <CheckboxGroup
                aria-label={t.consents}
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
    </>
  );
}
