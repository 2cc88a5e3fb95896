import { chineseDate, formatTime } from "../format.ts";
import { Blank, type DocProps, Head, zh } from "./parts.tsx";

export function HandOver({ c, issuer }: DocProps) {
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
      <div className="signs sign-block">
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
