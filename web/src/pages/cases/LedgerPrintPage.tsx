import { ArrowLeftOutlined, PrinterOutlined } from "@ant-design/icons";
import { useQuery } from "@tanstack/react-query";
import type { CaseSummary } from "@weiquan/domain/cases/schema";
import { Alert, Button, Flex, Spin } from "antd";
import { useMemo } from "react";
import { Link, useSearchParams } from "react-router-dom";
import { errorText } from "../../app/errors.ts";
import { useSession } from "../../console/session.tsx";
import { useT } from "../../i18n/messages.ts";
import { fenToYuan, formatDate } from "./format.ts";
import { ledgerQuery } from "./LedgerPage.tsx";
import { filtersOf } from "./ledger/filters.ts";
import { useCaseT } from "./messages.ts";
import { unitName, useUnits } from "./parts.tsx";

/** At most this many rows on paper (ten pages of the ledger); narrow the filters for more. */
const MAX_ROWS = 500;

const printCss = `
.ledger-print { box-sizing: border-box; width: 297mm; max-width: 100%; margin: 0 auto; padding: 12mm; background: #fff;
  color: #000; font-family: "SimSun", "Songti SC", "Noto Serif CJK SC", serif; font-size: 10.5pt; }
.ledger-print h1 { font-family: "SimHei", "Heiti SC", "Noto Sans CJK SC", sans-serif; font-size: 18pt; text-align: center; margin: 0 0 2mm; }
.ledger-print .sub { text-align: center; margin-bottom: 4mm; }
.ledger-print table { width: 100%; border-collapse: collapse; }
.ledger-print th, .ledger-print td { border: 1px solid #000; padding: 1mm 1.5mm; vertical-align: top; }
.ledger-print th { font-family: "SimHei", "Heiti SC", "Noto Sans CJK SC", sans-serif; font-weight: normal; }
.ledger-print thead { display: table-header-group; }
.ledger-print tr { break-inside: avoid; }
.ledger-print-page { background: #f5f7fa; min-height: 100vh; padding: 16px; box-sizing: border-box; }
@media print {
  @page { size: A4 landscape; margin: 10mm; }
  .ledger-print-page { min-height: 0; padding: 0; background: #fff; }
  body, #root { background: #fff !important; }
  .no-print { display: none !important; }
  .ledger-print { padding: 0; width: auto; }
}
`;

/**
 * 打印台账: the ledger as the paper book a point keeps (投诉、举报登记台账, one of the 四个一), for the
 * ledger's current filters, A4 landscape, the header row repeated on every page.
 */
export default function LedgerPrintPage() {
  const t = useCaseT();
  const common = useT();
  const { me } = useSession();
  const [search] = useSearchParams();
  const filters = useMemo(() => filtersOf(search), [search]);
  const units = useUnits();
  const rows = useQuery({
    queryKey: [...ledgerQuery(filters).queryKey, "print"],
    queryFn: async ({ signal }) => {
      const { fetchPage } = ledgerQuery(filters);
      const out: CaseSummary[] = [];
      let cursor: string | undefined;
      do {
        const page = await fetchPage(cursor, signal);
        out.push(...page.items);
        cursor = page.nextCursor ?? undefined;
      } while (cursor && out.length < MAX_ROWS);
      return { items: out.slice(0, MAX_ROWS), more: Boolean(cursor) || out.length > MAX_ROWS };
    },
  });

  return (
    <div className="ledger-print-page">
      <style>{printCss}</style>
      <Flex gap={8} className="no-print" style={{ marginBottom: 12 }}>
        <Link to={`/cases?${search.toString()}`}>
          <Button icon={<ArrowLeftOutlined />}>{t.ledgerTitle}</Button>
        </Link>
        <Button
          type="primary"
          icon={<PrinterOutlined />}
          onClick={() => window.print()}
          disabled={!rows.data}
          data-testid="ledger-print-go"
        >
          {t.ledgerPrint}
        </Button>
      </Flex>
      {rows.error && (
        <Alert type="error" showIcon title={errorText(rows.error, common)} className="no-print" />
      )}
      {rows.data?.more && (
        <Alert type="warning" showIcon title={t.ledgerPrintTruncated(MAX_ROWS)} className="no-print" />
      )}
      {!rows.data && !rows.error && <Spin />}
      {rows.data && (
        <div className="ledger-print" data-testid="ledger-print" data-rows={rows.data.items.length}>
          <h1>{t.ledgerPrintTitle}</h1>
          <div className="sub">
            {me.unit?.name ?? me.tenant?.name}
            {filters.from && filters.to ? `　${filters.from} 至 ${filters.to}` : ""}
          </div>
          <table>
            <thead>
              <tr>
                <th>{t.ledgerPrintNo}</th>
                <th>{t.colTrackingNo}</th>
                <th>{t.colReceived}</th>
                <th>{t.colKind}</th>
                <th>{t.colConsumer}</th>
                <th>{t.colBusiness}</th>
                <th>{t.colSubject}</th>
                <th>{t.caseAmount}</th>
                <th>{t.caseRecovered}</th>
                <th>{t.colUnit}</th>
                <th>{t.colStatus}</th>
              </tr>
            </thead>
            <tbody>
              {rows.data.items.map((c, i) => (
                <tr key={c.id}>
                  <td>{i + 1}</td>
                  <td>{c.trackingNo}</td>
                  <td>{formatDate(c.receivedAt)}</td>
                  <td>{t.kind[c.kind]}</td>
                  <td>{c.consumerName ?? t.anonymous}</td>
                  <td>{c.businessName ?? t.none}</td>
                  <td>{c.subject}</td>
                  <td>{c.amountFen === null ? "" : fenToYuan(c.amountFen)}</td>
                  <td>{c.recoveredFen ? fenToYuan(c.recoveredFen) : ""}</td>
                  <td>{unitName(units, c.unitId, t.unitOutside)}</td>
                  <td>{t.status[c.status]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
