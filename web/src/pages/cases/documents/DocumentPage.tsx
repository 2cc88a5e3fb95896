import { ArrowLeftOutlined, PrinterOutlined } from "@ant-design/icons";
import { useQuery } from "@tanstack/react-query";
import { Alert, Button, Flex, Result, Spin } from "antd";
import { useNavigate, useParams } from "react-router-dom";
import { errorText } from "../../../app/errors.ts";
import { useSession } from "../../../console/session.tsx";
import { useT } from "../../../i18n/messages.ts";
import { casePath } from "../format.ts";
import { useCaseT } from "../messages.ts";
import { unitName, useUnits } from "../parts.tsx";
import { caseQuery } from "../queries.ts";
import { documentKinds, documentsOf } from "./available.ts";
import { documentCss } from "./print.ts";
import { renderDocument } from "./render.tsx";

/** 文书: one printable A4 document of a case, outside the console layout. Only handlers see it (unmasked). */
export default function DocumentPage() {
  const t = useCaseT();
  const common = useT();
  const { id = "", doc = "" } = useParams();
  const navigate = useNavigate();
  const units = useUnits();
  const { me } = useSession();
  const loaded = useQuery(caseQuery(id));
  const c = loaded.data ?? null;
  const error = loaded.error ? errorText(loaded.error, common) : null;

  const kind = documentKinds.find((k) => k === doc);
  const allowed = Boolean(c?.canHandle && !c.masked);
  const available = c !== null && kind !== undefined && documentsOf(c).includes(kind);
  const issuer = c ? unitName(units, c.unitId) : "";

  return (
    <div className="wq-doc-page" data-testid="document-page">
      <style>{documentCss}</style>
      <Flex
        className="no-print"
        gap={12}
        align="center"
        wrap
        style={{ maxWidth: "210mm", margin: "0 auto 16px" }}
      >
        <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(casePath(id))} data-testid="doc-back">
          {t.docBack}
        </Button>
        <Button
          type="primary"
          icon={<PrinterOutlined />}
          onClick={() => window.print()}
          disabled={!allowed || !available}
          data-testid="doc-print"
        >
          {t.docPrint}
        </Button>
        {me.tenant && <span style={{ color: "#666" }}>{me.tenant.name}</span>}
      </Flex>
      {error && (
        <Alert className="no-print" type="error" showIcon title={t.caseLoadFailed} description={error} />
      )}
      {!c && !error && <Spin />}
      {c && !allowed && (
        <Result className="no-print" status="403" title={t.docMasked} data-testid="doc-forbidden" />
      )}
      {c && allowed && !available && (
        <Result className="no-print" status="404" title={t.docUnavailable} data-testid="doc-unavailable" />
      )}
      {c && allowed && available && kind && units.loaded && (
        <article className="wq-doc" data-testid={`doc-${kind}`} lang="zh-CN">
          {renderDocument(kind, { c, issuer })}
        </article>
      )}
    </div>
  );
}
