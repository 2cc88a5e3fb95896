import { ArrowLeftOutlined, PrinterOutlined } from "@ant-design/icons";
import { Alert, Button, Flex, Spin } from "antd";
import type { ReactNode } from "react";
import { useNavigate } from "react-router-dom";
import { useT } from "../i18n/messages.ts";
import { errorText } from "./errors.ts";

/**
 * The frame of a printable page outside the console layout: its print CSS, a toolbar that does not print
 * (back, print), the error with the API's words or a spinner until `ready`, then the document.
 */
export function PrintFrame({
  css,
  testId,
  backTo,
  backText,
  printText,
  ready,
  error,
  errorTitle,
  children,
}: {
  css: string;
  testId: string;
  backTo: string;
  backText: string;
  printText: string;
  ready: boolean;
  error: unknown;
  errorTitle: string;
  children: ReactNode;
}) {
  const t = useT();
  const navigate = useNavigate();
  return (
    <div className="wq-doc-page" data-testid={testId}>
      <style>{css}</style>
      <Flex className="no-print" gap={12} align="center" style={{ maxWidth: "210mm", margin: "0 auto 16px" }}>
        <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(backTo)}>
          {backText}
        </Button>
        <Button
          type="primary"
          icon={<PrinterOutlined />}
          disabled={!ready}
          onClick={() => window.print()}
          data-testid="print-now"
        >
          {printText}
        </Button>
      </Flex>
      {error ? (
        <Alert
          className="no-print"
          type="error"
          showIcon
          title={errorTitle}
          description={errorText(error, t)}
        />
      ) : null}
      {!ready && !error && <Spin />}
      {ready && children}
    </div>
  );
}
