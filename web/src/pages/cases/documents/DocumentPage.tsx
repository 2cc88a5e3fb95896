import { ArrowLeftOutlined, PrinterOutlined } from "@ant-design/icons";
import { ruleSets } from "@weiquan/domain/cases/clock/rules";
import { legalBasis } from "@weiquan/domain/cases/reasons";
import type { RequestType } from "@weiquan/domain/cases/schema";
import { requestTypeLabels } from "@weiquan/domain/cases/taxonomy";
import { Alert, Button, Flex, Result, Spin } from "antd";
import { type ReactNode, useEffect, useState } from "react";
import { useNavigate, useParams } from "react-router-dom";
import { api } from "../../../api/client.ts";
import { errorText } from "../../../app/errors.ts";
import { useAlive } from "../../../app/useAlive.ts";
import { useSession } from "../../../console/session.tsx";
import { useT } from "../../../i18n/messages.ts";
import {
  amountInWords,
  type CaseWithTimeline,
  casePath,
  chineseDate,
  fenToYuan,
  formatDate,
  formatTime,
} from "../format.ts";
import { caseMessages, useCaseT } from "../messages.ts";
import { unitName, useUnits } from "../parts.tsx";
import { type DocumentKind, documentKinds, documentsOf } from "./available.ts";
import { documentCss } from "./print.ts";

/** Documents follow the official Chinese formats whatever the console's language. */
const zh = caseMessages("zh");

interface DocProps {
  c: CaseWithTimeline;
  /** The unit that handles the case and issues the document. */
  issuer: string;
}

/** 文书: one printable A4 document of a case, outside the console layout. Only handlers see it (unmasked). */
export default function DocumentPage() {
  const t = useCaseT();
  const common = useT();
  const { id = "", doc = "" } = useParams();
  const navigate = useNavigate();
  const alive = useAlive();
  const units = useUnits();
  const { me } = useSession();
  const [c, setCase] = useState<CaseWithTimeline | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    api<CaseWithTimeline>(`/v1/cases/${encodeURIComponent(id)}`).then(
      (found) => alive.current && setCase(found),
      (e: unknown) => alive.current && setError(errorText(e, common)),
    );
  }, [id, alive, common]);

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
          {render(kind, { c, issuer })}
        </article>
      )}
    </div>
  );
}

function render(kind: DocumentKind, p: DocProps): ReactNode {
  switch (kind) {
    case "registration":
      return <Registration {...p} />;
    case "acceptance":
      return <Acceptance {...p} />;
    case "rejection":
      return <Rejection {...p} />;
    case "mediation":
      return <Mediation {...p} />;
    case "termination":
      return <Termination {...p} />;
    case "handover":
      return <HandOver {...p} />;
  }
}

function Head({ title, issuer, no }: { title: string; issuer: string; no: string }) {
  return (
    <>
      <div className="issuer">{issuer}</div>
      <h1 data-testid="doc-title">{title}</h1>
      <div className="doc-no">编号：{no}</div>
    </>
  );
}

function Seal({ issuer, at }: { issuer: string; at?: string }) {
  return (
    <div className="seal">
      <div>
        <div>{issuer}（印章）</div>
        <div>{at ? chineseDate(at) : "　　年　　月　　日"}</div>
      </div>
    </div>
  );
}

const Blank = () => <span className="line" />;

const check = (on: boolean) => (on ? "☑" : "☐");

/** When the timeline recorded `action` last (the date a decision document carries). */
const atOf = (c: CaseWithTimeline, action: string) => c.timeline.findLast((e) => e.action === action)?.at;

/** 宝坻区惠民家电商店“新买的电冰箱不制冷” — the matter as documents name it. */
const matterOf = (c: CaseWithTimeline) =>
  c.business.name ? `${c.business.name}“${c.subject}”` : `“${c.subject}”`;

const addressee = (c: CaseWithTimeline) => c.consumer.name ?? "投诉人";

function Registration({ c, issuer }: DocProps) {
  const who = c.kind === "complaint" ? "投诉人" : c.kind === "report" ? "举报人" : "咨询人";
  const against = c.kind === "report" ? "被举报人" : "被投诉人";
  const anonymous = c.kind === "report" && !c.consumer.name && !c.consumer.phone;
  const createdBy = c.timeline.find((e) => e.action === "create")?.byName ?? "";
  return (
    <>
      <Head title={zh.docRegistrationOf(c.kind)} issuer={issuer} no={c.trackingNo} />
      <table>
        <tbody>
          <tr>
            <th>登记时间</th>
            <td>{formatTime(c.receivedAt)}</td>
            <th>来源</th>
            <td>{zh.channel[c.channel]}</td>
          </tr>
          {anonymous ? (
            <tr>
              <th>{who}</th>
              <td colSpan={3}>匿名</td>
            </tr>
          ) : (
            <>
              <tr>
                <th>{who}姓名</th>
                <td data-testid="doc-consumer-name">{c.consumer.name}</td>
                <th>联系电话</th>
                <td data-testid="doc-consumer-phone">{c.consumer.phone}</td>
              </tr>
              <tr>
                <th>地址</th>
                <td>{c.consumer.address}</td>
                <th>身份证号码</th>
                <td>{c.consumer.idNumber}</td>
              </tr>
            </>
          )}
          {c.kind !== "consultation" && (
            <>
              <tr>
                <th>{against}名称</th>
                <td data-testid="doc-business-name">{c.business.name}</td>
                <th>统一社会信用代码</th>
                <td>{c.business.creditCode}</td>
              </tr>
              <tr>
                <th>{against}地址</th>
                <td colSpan={3}>{c.business.address}</td>
              </tr>
            </>
          )}
          <tr>
            <th>类别</th>
            <td>{zh.categoryLabel(c.category)}</td>
            <th>性质</th>
            <td>{c.nature ? zh.natureOf[c.nature] : ""}</td>
          </tr>
          <tr>
            <th>涉及金额</th>
            <td>{c.amountFen === null ? "" : `¥${fenToYuan(c.amountFen)}`}</td>
            <th>发生日期</th>
            <td>{formatDate(c.occurredAt)}</td>
          </tr>
          <tr>
            <th>事由</th>
            <td colSpan={3}>{c.subject}</td>
          </tr>
          <tr>
            <th>{c.kind === "consultation" ? "咨询内容" : "事实经过"}</th>
            <td colSpan={3} className="tall pre">
              {c.description}
            </td>
          </tr>
          {c.kind === "complaint" && (
            <>
              <tr>
                <th>投诉请求</th>
                <td colSpan={3}>
                  <div>
                    {(Object.keys(requestTypeLabels) as RequestType[]).map((r) => (
                      <span key={r} className="box">
                        {check(Boolean(c.requestTypes?.includes(r)))}
                        {requestTypeLabels[r]}
                      </span>
                    ))}
                  </div>
                  {c.request && <div className="pre">{c.request}</div>}
                </td>
              </tr>
              <tr>
                <th>投诉人意愿</th>
                <td colSpan={3}>
                  <div>
                    同意公示投诉信息：{check(Boolean(c.consents?.publish))}是 {check(!c.consents?.publish)}否
                  </div>
                  <div>
                    同意委托调解：{check(Boolean(c.consents?.mediation))}是 {check(!c.consents?.mediation)}否
                  </div>
                </td>
              </tr>
            </>
          )}
          <tr>
            <th>登记单位</th>
            <td>{issuer}</td>
            <th>登记人</th>
            <td>{createdBy}</td>
          </tr>
        </tbody>
      </table>
      <div className="signs">
        <div>
          {who}（签字）：
          <Blank />
        </div>
        <div>
          登记人（签字）：
          <Blank />
        </div>
      </div>
      {c.kind === "complaint" && (
        <p className="note">
          本表所填个人信息仅用于处理本投诉。投诉人应当如实提供投诉材料，并对其真实性负责。
        </p>
      )}
    </>
  );
}

function Acceptance({ c, issuer }: DocProps) {
  const rules = ruleSets.find((r) => r.id === c.ruleSet);
  return (
    <>
      <Head title={zh.docs.acceptance} issuer={issuer} no={c.trackingNo} />
      <p className="flush">{addressee(c)}：</p>
      <p>
        你于{chineseDate(c.receivedAt)}向本单位提出的关于{matterOf(c)}
        的投诉收悉。经审查，该投诉符合受理条件，根据《
        {rules?.title}》的规定，本单位决定予以受理，并将依法组织调解。
      </p>
      {c.deadlines.mediateBy && (
        <p>调解应当于{chineseDate(c.deadlines.mediateBy)}前完成；检验、检测、鉴定所需时间不计算在内。</p>
      )}
      <p>特此告知。</p>
      <Seal issuer={issuer} at={c.acceptedAt ?? atOf(c, "accept")} />
    </>
  );
}

function Rejection({ c, issuer }: DocProps) {
  const rejection = c.rejection;
  if (!rejection) return null;
  return (
    <>
      <Head title={zh.docs.rejection} issuer={issuer} no={c.trackingNo} />
      <p className="flush">{addressee(c)}：</p>
      <p>
        你于{chineseDate(c.receivedAt)}向本单位提出的关于{matterOf(c)}的投诉收悉。经审查，
        <span data-testid="doc-reason">{zh.rejectReason[rejection.reason]}</span>
        {rejection.note ? `（${rejection.note}）` : ""}。根据
        <span data-testid="doc-basis">{legalBasis[c.ruleSet].reject}</span>
        的规定，本单位决定不予受理。
      </p>
      <p>特此告知。</p>
      <Seal issuer={issuer} at={c.decidedAt ?? atOf(c, "reject")} />
    </>
  );
}

function Mediation({ c, issuer }: DocProps) {
  const recovered = c.recoveredFen;
  const requests = [...(c.requestTypes ?? []).map((r) => requestTypeLabels[r]), c.request]
    .filter(Boolean)
    .join("；");
  const at = atOf(c, "resolve");
  return (
    <>
      <Head title={zh.docs.mediation} issuer={issuer} no={c.trackingNo} />
      <p className="flush" data-testid="doc-consumer">
        投诉人：{c.consumer.name}，联系电话：{c.consumer.phone}，住址：{c.consumer.address}
        {c.consumer.idNumber ? `，身份证号码：${c.consumer.idNumber}` : ""}。
      </p>
      <p className="flush" data-testid="doc-business">
        被投诉人：{c.business.name}，地址：{c.business.address}
        {c.business.creditCode ? `，统一社会信用代码：${c.business.creditCode}` : ""}。
      </p>
      <p className="flush">调解单位：{issuer}。</p>
      <p>
        投诉人于{chineseDate(c.receivedAt)}就{matterOf(c)}一事向本单位投诉，本单位于
        {chineseDate(c.acceptedAt)}
        受理后依法组织双方调解。
      </p>
      <p className="flush">
        <strong>投诉事实：</strong>
      </p>
      <p className="pre">{c.description}</p>
      {requests && (
        <>
          <p className="flush">
            <strong>投诉请求：</strong>
          </p>
          <p>{requests}</p>
        </>
      )}
      <p className="flush">
        <strong>调解结果：</strong>经本单位主持调解，双方在自愿、平等的基础上达成如下协议：
      </p>
      <p className="pre" data-testid="doc-agreement">
        {c.agreement}
      </p>
      <p>
        挽回经济损失：人民币<span data-testid="doc-amount-words">{amountInWords(recovered)}</span>
        （¥<span data-testid="doc-amount-figures">{fenToYuan(recovered)}</span>）。
      </p>
      <p>
        本协议经双方当事人签字（盖章）后生效，双方应当自觉履行。本调解书一式三份，投诉人、被投诉人及调解单位各执一份。
      </p>
      <div className="signs" data-testid="doc-signatures">
        <div>
          投诉人（签字）：
          <Blank />
        </div>
        <div>
          被投诉人（签字或盖章）：
          <Blank />
        </div>
        <div>
          调解人（签字）：
          <Blank />
        </div>
        <div>日期：{at ? chineseDate(at) : "　　年　　月　　日"}</div>
      </div>
      <Seal issuer={issuer} at={at} />
    </>
  );
}

function Termination({ c, issuer }: DocProps) {
  const ending = c.ending;
  if (!ending) return null;
  return (
    <>
      <Head title={zh.docs.termination} issuer={issuer} no={c.trackingNo} />
      <p className="flush">{addressee(c)}：</p>
      <p>
        你于{chineseDate(c.receivedAt)}提出的关于{matterOf(c)}的投诉，本单位于{chineseDate(c.acceptedAt)}
        受理并组织调解。因<span data-testid="doc-reason">{zh.terminateReason[ending.reason]}</span>
        {ending.note ? `（${ending.note}）` : ""}，根据
        <span data-testid="doc-basis">{legalBasis[c.ruleSet].terminate}</span>
        的规定，本单位决定终止调解。
      </p>
      <p data-testid="doc-advice">
        根据《中华人民共和国消费者权益保护法》第三十九条的规定，消费者和经营者发生消费者权益争议的，可以通过下列途径解决：（一）与经营者协商和解；（二）请求消费者协会或者依法成立的其他调解组织调解；（三）向有关行政部门投诉；（四）根据与经营者达成的仲裁协议提请仲裁机构仲裁；（五）向人民法院提起诉讼。你可以依法申请仲裁或者向人民法院提起诉讼。
      </p>
      <p>特此告知。</p>
      <Seal issuer={issuer} at={atOf(c, c.status === "failed" ? "fail" : "terminate")} />
    </>
  );
}

function HandOver({ c, issuer }: DocProps) {
  const handOver = c.handOver;
  if (!handOver) return null;
  const anonymous = !c.consumer.name && !c.consumer.phone;
  return (
    <>
      <Head title={zh.docs.handover} issuer={issuer} no={c.trackingNo} />
      <table>
        <tbody>
          <tr>
            <th>接收单位</th>
            <td colSpan={3} data-testid="doc-handover-to">
              {handOver.to}
            </td>
          </tr>
          <tr>
            <th>举报时间</th>
            <td>{formatTime(c.receivedAt)}</td>
            <th>举报方式</th>
            <td>{zh.channel[c.channel]}</td>
          </tr>
          <tr>
            <th>举报人</th>
            <td colSpan={3}>
              {anonymous
                ? "匿名"
                : [c.consumer.name, c.consumer.phone, c.consumer.address].filter(Boolean).join("，")}
            </td>
          </tr>
          <tr>
            <th>被举报人</th>
            <td colSpan={3}>
              {[c.business.name, c.business.address, c.business.creditCode].filter(Boolean).join("，")}
            </td>
          </tr>
          <tr>
            <th>类别</th>
            <td>{zh.categoryLabel(c.category)}</td>
            <th>性质</th>
            <td>{c.nature ? zh.natureOf[c.nature] : ""}</td>
          </tr>
          <tr>
            <th>举报事项</th>
            <td colSpan={3}>{c.subject}</td>
          </tr>
          <tr>
            <th>举报内容</th>
            <td colSpan={3} className="tall pre">
              {c.description}
            </td>
          </tr>
          <tr>
            <th>移交单位</th>
            <td>{issuer}</td>
            <th>移交时间</th>
            <td>{formatTime(handOver.at)}</td>
          </tr>
          {c.deadlines.checkBy && (
            <tr>
              <th>核查期限</th>
              <td colSpan={3}>{chineseDate(c.deadlines.checkBy)}前核查并决定是否立案</td>
            </tr>
          )}
        </tbody>
      </table>
      <p className="note">
        注：举报人的个人信息依法保密，不得向被举报人透露。请接收单位依法核查处理，并将处理结果反馈移交单位。
      </p>
      <div className="signs">
        <div>
          移交人（签字）：
          <Blank />
        </div>
        <div>
          接收人（签字）：
          <Blank />
        </div>
        <div>日期：{chineseDate(handOver.at)}</div>
        <div>
          日期：
          <Blank />
        </div>
      </div>
    </>
  );
}
