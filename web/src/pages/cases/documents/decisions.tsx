import { ruleSets } from "@weiquan/domain/cases/clock/rules";
import { legalBasis } from "@weiquan/domain/cases/reasons";
import { chineseDate } from "../format.ts";
import { addressee, atOf, type DocProps, Head, matterOf, Seal, zh } from "./parts.tsx";

export function Acceptance({ c, issuer }: DocProps) {
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

export function Rejection({ c, issuer }: DocProps) {
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

export function Termination({ c, issuer }: DocProps) {
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
