import { useQueries } from "@tanstack/react-query";
import { Alert, Flex, Select, Typography } from "antd";
import { useMemo } from "react";
import { useSearchParams } from "react-router-dom";
import { PrintFrame } from "../../../app/PrintFrame.tsx";
import { useCaseT } from "../messages.ts";
import { unitName, useUnits } from "../parts.tsx";
import { caseQuery } from "../queries.ts";
import { type DocumentKind, documentKinds, documentsOf, MAX_BATCH } from "./available.ts";
import { documentCss } from "./print.ts";
import { renderDocument } from "./render.tsx";

/**
 * 批量打印文书: one kind of document (投诉登记表 by default) for several cases in one print view, each on
 * its own A4 page (the document print rules break the page between sheets). Cases without that
 * document, or not handled by the reader's unit, are named above the sheets and left out.
 */
export default function BatchPrintPage() {
  const t = useCaseT();
  const units = useUnits();
  const [search, setSearch] = useSearchParams();
  const ids = useMemo(
    () => [...new Set((search.get("ids") ?? "").split(",").filter(Boolean))].slice(0, MAX_BATCH),
    [search],
  );
  const kind = documentKinds.find((k) => k === search.get("doc")) ?? "registration";
  const loaded = useQueries({ queries: ids.map((id) => caseQuery(id)) });
  const cases = loaded.flatMap((q) => (q.data ? [q.data] : []));
  const error = loaded.find((q) => q.error)?.error ?? null;
  const ready = units.loaded && loaded.every((q) => !q.isPending);
  const printable = cases.filter((c) => c.canHandle && !c.masked && documentsOf(c).includes(kind));
  const skipped = cases.filter((c) => !printable.includes(c)).map((c) => c.trackingNo);

  return (
    <PrintFrame
      css={`${documentCss}
@media screen { .wq-doc + .wq-doc { margin-top: 16px; } }`}
      testId="batch-print-page"
      backTo="/cases"
      backText={t.batchBack}
      printText={t.docPrint}
      ready={ready}
      error={error}
      errorTitle={t.caseLoadFailed}
    >
      <Flex className="no-print" vertical gap={8} style={{ maxWidth: "210mm", margin: "0 auto 16px" }}>
        <Flex gap={8} align="center" wrap>
          <label htmlFor="batch-doc-kind">{t.batchKind}</label>
          <Select<DocumentKind>
            id="batch-doc-kind"
            value={kind}
            style={{ minWidth: 200 }}
            data-testid="batch-doc-kind"
            options={documentKinds.map((k) => ({ value: k, label: t.docs[k] }))}
            onChange={(doc) => setSearch({ ids: ids.join(","), doc }, { replace: true })}
          />
          <Typography.Text type="secondary" data-testid="batch-count">
            {t.batchCount(printable.length)}
          </Typography.Text>
        </Flex>
        {skipped.length > 0 && (
          <Alert
            type="info"
            showIcon
            title={t.batchSkipped(skipped.join("、"))}
            data-testid="batch-skipped"
          />
        )}
      </Flex>
      {printable.map((c) => (
        <article
          key={c.id}
          className="wq-doc"
          data-testid="batch-doc"
          data-tracking-no={c.trackingNo}
          lang="zh-CN"
        >
          {renderDocument(kind, { c, issuer: unitName(units, c.unitId) })}
        </article>
      ))}
    </PrintFrame>
  );
}
