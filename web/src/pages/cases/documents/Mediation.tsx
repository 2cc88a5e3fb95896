import { requestTypeLabels } from "@weiquan/domain/cases/taxonomy";
import { amountInWords, chineseDate, fenToYuan } from "../format.ts";
import { atOf, Blank, type DocProps, Head, matterOf, Seal, zh } from "./parts.tsx";

/**
 * The complainant's 同意委托调解 as the document states it: only when recorded — at registration (the
 * form's box) or later by the clerk (its date from the timeline); otherwise the document claims nothing.
 */
function consentOf(c: DocProps["c"]): string {
  if (!c.consents?.mediation) return "";
  const recorded = atOf(c, "record_mediation_consent");
  return recorded ? `，投诉人于${chineseDate(recorded)}同意委托本单位调解` : "，投诉人同意委托本单位调解";
}

export function Mediation({ c, issuer }: DocProps) {
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
        受理
        <span data-testid="doc-consent">{consentOf(c)}</span>
        后依法组织双方调解。
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
      <div className="sign-block">
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
      </div>
    </>
  );
}
