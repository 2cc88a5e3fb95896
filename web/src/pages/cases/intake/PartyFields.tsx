import type { CaseKind } from "@weiquan/domain/cases/schema";
import { Business, Consumer, PhoneNumber } from "@weiquan/domain/cases/schema";
import { Col, Divider, Form, Input, Row } from "antd";
import type { Rule } from "antd/es/form";
import { zodRule } from "../../../app/form-rules.ts";
import type { Lang } from "../../../i18n/lang.tsx";
import type { CaseMessages } from "../messages.ts";

/** Who complains and about whom: what the regulation requires depends on the kind. */
export function PartyFields({
  kind,
  t,
  lang,
  required,
}: {
  kind: CaseKind;
  t: CaseMessages;
  lang: Lang;
  required: (need: boolean, label: string) => Rule;
}) {
  const complaint = kind === "complaint";
  const needName = complaint || kind === "consultation";
  const needPhone = needName;
  return (
    <>
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
              zodRule(Business.shape.creditCode.unwrap(), t.intakeInvalid(t.businessCreditCode), lang, true),
            ]}
          >
            <Input maxLength={18} autoComplete="off" data-testid="intake-business-credit" />
          </Form.Item>
        </Col>
      </Row>
    </>
  );
}
