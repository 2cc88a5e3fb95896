import { ArrowLeftOutlined, PrinterOutlined } from "@ant-design/icons";
import { useQuery } from "@tanstack/react-query";
import type { Settings, Unit } from "@weiquan/domain";
import { Alert, Button, Checkbox, Flex, QRCode, Result, Spin, Typography } from "antd";
import { useNavigate, useParams, useSearchParams } from "react-router-dom";
import { settingsQuery, unitsQuery } from "../../api/queries.ts";
import { errorText } from "../../app/errors.ts";
import { useSession } from "../../console/session.tsx";
import { type Messages, useT } from "../../i18n/messages.ts";
import { subtreeOf } from "./units.ts";

/**
 * A4 print rules: only the cards print (the toolbar is hidden), one card per page, Chinese print fonts.
 * The page sits outside the console layout, so there is no menu or header to hide.
 */
const printCss = `
.contact-cards { font-family: "SimSun", "Songti SC", "Noto Serif CJK SC", "Source Han Serif SC", serif; }
.contact-card {
  box-sizing: border-box; width: 210mm; max-width: 100%; min-height: 148mm; margin: 0 auto 24px;
  padding: 14mm 16mm; background: #fff; border: 1px solid #d9d9d9; border-radius: 4px; color: #000;
}
.contact-card h1 { font-family: "SimHei", "Heiti SC", "Noto Sans CJK SC", sans-serif; font-size: 22pt;
  letter-spacing: 0.08em; text-align: center; margin: 0 0 4mm; }
.contact-card h2 { font-size: 16pt; text-align: center; margin: 0 0 8mm; font-weight: normal; }
.contact-card dl { display: grid; grid-template-columns: 6em 1fr; gap: 3mm 4mm; font-size: 13pt; margin: 0; }
.contact-card dt { font-weight: bold; text-align-last: justify; }
.contact-card dd { margin: 0; }
.contact-card .duties { white-space: pre-line; font-size: 11pt; line-height: 1.8; margin-top: 6mm; }
.contact-card .qr { text-align: center; font-size: 11pt; }
.contact-card footer { margin-top: 8mm; padding-top: 3mm; border-top: 1px solid #000; font-size: 11pt;
  display: flex; justify-content: space-between; flex-wrap: wrap; gap: 2mm; }
@media print {
  @page { size: A4 portrait; margin: 12mm; }
  body, #root { background: #fff !important; }
  .no-print { display: none !important; }
  .contact-cards { padding: 0 !important; }
  .contact-card { border: none; margin: 0; padding: 0; width: auto; min-height: 0;
    break-after: page; page-break-after: always; }
  .contact-card:last-child { break-after: auto; page-break-after: auto; }
}
`;

/** The public intake page preset to this unit: what the QR code opens. */
export function intakeUrl(origin: string, countyCode: string, unitId: string): string {
  return `${origin}/p/${encodeURIComponent(countyCode)}?unit=${encodeURIComponent(unitId)}`;
}

/** 联系卡: a printable card per unit (or per unit of a subtree) with a QR code to the public intake page. */
export default function ContactCardPage() {
  const t = useT();
  const { id = "" } = useParams();
  const [search, setSearch] = useSearchParams();
  const withSubtree = search.get("subtree") === "1";
  const navigate = useNavigate();
  const { me } = useSession();
  const unitsQ = useQuery(unitsQuery);
  const settingsQ = useQuery(settingsQuery);
  const units = unitsQ.data?.items ?? null;
  const settings = settingsQ.data ?? null;
  const failed = unitsQ.error ?? settingsQ.error;
  const error = failed ? errorText(failed, t) : null;

  const countyCode = me.tenant?.countyCode ?? "";
  const cards = units ? (withSubtree ? subtreeOf(units, id) : units.filter((u) => u.id === id)) : [];

  return (
    <div className="contact-cards" style={{ padding: 24, background: "#f5f5f5", minHeight: "100vh" }}>
      <style>{printCss}</style>
      <Flex className="no-print" gap={12} align="center" wrap style={{ marginBottom: 16 }}>
        <Button
          icon={<ArrowLeftOutlined />}
          onClick={() => navigate(me.user.role === "point_staff" ? "/" : "/network")}
          data-testid="card-back"
        >
          {t.cardBack}
        </Button>
        <Button
          type="primary"
          icon={<PrinterOutlined />}
          onClick={() => window.print()}
          disabled={cards.length === 0}
          data-testid="card-print"
        >
          {t.cardPrint}
        </Button>
        <Checkbox
          checked={withSubtree}
          onChange={(e) => setSearch(e.target.checked ? { subtree: "1" } : {}, { replace: true })}
          data-testid="card-subtree"
        >
          {t.cardSubtree}
        </Checkbox>
        {units && <Typography.Text type="secondary">{t.cardCount(cards.length)}</Typography.Text>}
      </Flex>
      {error && (
        <Alert
          className="no-print"
          type="error"
          showIcon
          title={t.cardLoadFailed}
          description={error}
          data-testid="card-error"
        />
      )}
      {!units && !error && <Spin />}
      {units && cards.length === 0 && (
        <Result status="404" title={t.cardNotFound} data-testid="card-not-found" />
      )}
      {settings &&
        cards.map((unit) => (
          <ContactCard
            key={unit.id}
            unit={unit}
            duties={dutiesOf(unit, settings)}
            url={intakeUrl(window.location.origin, countyCode, unit.id)}
            issuer={me.tenant?.name}
            t={t}
          />
        ))}
    </div>
  );
}

/** The tenant's 四统一 duties text for stations and points; offices and the bureau have none on the card. */
function dutiesOf(unit: Unit, settings: Settings): string | undefined {
  if (unit.type === "station") return settings.templates.stationDuties || undefined;
  if (unit.type === "point") return settings.templates.pointDuties || undefined;
  return undefined;
}

function ContactCard({
  unit,
  duties,
  url,
  issuer,
  t,
}: {
  unit: Unit;
  duties?: string;
  url: string;
  /** The county bureau that runs the network. */
  issuer?: string;
  t: Messages;
}) {
  const row = (label: string, value: string | undefined, testId: string) =>
    value ? (
      <>
        <dt>{label}</dt>
        <dd data-testid={testId}>{value}</dd>
      </>
    ) : null;
  return (
    <section className="contact-card" data-testid="contact-card" data-unit-id={unit.id}>
      <h1>{t.cardTitle}</h1>
      <h2 data-testid="card-name">{unit.name}</h2>
      <Flex gap={24} align="flex-start" wrap>
        <dl style={{ flex: 1, minWidth: 260 }}>
          {row(t.cardAddress, unit.address, "card-address")}
          {row(t.cardPhone, unit.phone, "card-phone")}
          {row(t.cardStaff, unit.staff ? `${unit.staff.name}  ${unit.staff.phone}` : undefined, "card-staff")}
          {row(t.cardHours, unit.hours, "card-hours")}
        </dl>
        <div className="qr" data-testid="card-qr" data-url={url}>
          <QRCode value={url} type="svg" size={160} errorLevel="M" bordered={false} />
          <div>{t.cardScan}</div>
        </div>
      </Flex>
      {duties && (
        <>
          <Typography.Title level={5} style={{ marginTop: "6mm", marginBottom: 0 }}>
            {t.cardDuties}
          </Typography.Title>
          <div className="duties" data-testid="card-duties">
            {duties}
          </div>
        </>
      )}
      <footer>
        <span>{issuer}</span>
        <span>{t.cardHotline}</span>
      </footer>
    </section>
  );
}
