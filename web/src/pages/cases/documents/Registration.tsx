import type { RequestType } from "@weiquan/domain/cases/schema";
import { requestTypeLabels } from "@weiquan/domain/cases/taxonomy";
import { fenToYuan, formatDate, formatTime } from "../format.ts";
import { Blank, check, type DocProps, Head, zh } from "./parts.tsx";

export function Registration({ c, issuer }: DocProps) {
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
      <div className="sign-block">
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
      </div>
    </>
  );
}
