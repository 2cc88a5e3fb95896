import type { PublicKind } from "@weiquan/domain/public/checks";
import { formatQueryCode } from "@weiquan/domain/public/code";
import { useEffect, useState } from "react";
import { useParams, useSearchParams } from "react-router-dom";
import { ApiError, type Directory, type PublicStatus, publicApi } from "./api.ts";
import { Follow } from "./Follow.tsx";
import { type Filed, IntakeForm } from "./IntakeForm.tsx";
import { StatusView } from "./StatusView.tsx";
import { saveCase, savedCases } from "./saved-cases.ts";
import "./public.css";

/**
 * The consumers' mobile intake page (product.md §7): file, follow, rate. Its own chunk, plain React and a
 * small stylesheet: it never imports from console/ or antd, so a phone on a slow line downloads neither.
 */
type View =
  | { name: "home" }
  | { name: "form"; kind: PublicKind }
  | { name: "filed"; filed: Filed }
  | { name: "follow"; trackingNo?: string; code?: string }
  | { name: "status"; code: string; status: PublicStatus };

const kinds: { kind: PublicKind; mark: string; title: string; sub: string }[] = [
  { kind: "complaint", mark: "诉", title: "我要投诉", sub: "与商家发生消费纠纷，请求调解" },
  { kind: "report", mark: "举", title: "我要举报", sub: "发现假冒伪劣、欺诈等违法线索，可匿名" },
  { kind: "consultation", mark: "询", title: "我要咨询", sub: "消费维权问题，工作人员答复您" },
];

export default function PublicIntakePage() {
  const county = useParams().countyCode ?? "";
  const [search] = useSearchParams();
  const presetUnit = search.get("unit");
  const [directory, setDirectory] = useState<Directory | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [view, setView] = useState<View>({ name: "home" });

  useEffect(() => {
    document.title = "网上投诉举报 · 消费维权";
    publicApi
      .directory(county)
      .then(setDirectory, (e: unknown) =>
        setLoadError(
          e instanceof ApiError && e.status === 404
            ? "没有找到该地区的消费维权服务，请核对二维码或网址。"
            : String((e as Error).message),
        ),
      );
  }, [county]);

  const go = (v: View) => {
    setView(v);
    window.scrollTo(0, 0);
  };
  const unit = directory?.units.find((u) => u.id === presetUnit);

  return (
    <div className="pub" data-testid="public-page">
      <header className="pub-head">
        <h1>{directory?.name ?? "消费维权"}</h1>
        <p>{unit ? unit.name : "网上投诉 · 举报 · 咨询"}</p>
      </header>
      {loadError && (
        <div className="pub-body">
          <div className="pub-alert" role="alert" data-testid="public-load-error">
            {loadError}
          </div>
        </div>
      )}
      {!directory && !loadError && <div className="pub-body pub-unit">正在加载…</div>}
      {directory && view.name === "home" && (
        <div className="pub-body" data-testid="public-home">
          {unit && (
            <div className="pub-card pub-unit" data-testid="public-unit">
              受理单位：<b>{unit.name}</b>
              {unit.phone && (
                <div>
                  电话：<a href={`tel:${unit.phone}`}>{unit.phone}</a>
                </div>
              )}
              {unit.address && <div>地址：{unit.address}</div>}
              {unit.hours && <div>时间：{unit.hours}</div>}
            </div>
          )}
          {kinds.map((k) => (
            <button
              key={k.kind}
              type="button"
              className="pub-big"
              data-testid={`public-kind-${k.kind}`}
              onClick={() => go({ name: "form", kind: k.kind })}
            >
              <span className="ico">{k.mark}</span>
              <span>
                <b>{k.title}</b>
                <small>{k.sub}</small>
              </span>
            </button>
          ))}
          <button
            type="button"
            className="pub-big"
            data-testid="public-kind-follow"
            onClick={() => go({ name: "follow" })}
          >
            <span className="ico">查</span>
            <span>
              <b>查询进度 / 评价</b>
              <small>凭编号和查询码查看办理进度</small>
            </span>
          </button>
          {savedCases(county).length > 0 && (
            <div className="pub-card">
              <h2>本机提交过的事项</h2>
              {savedCases(county).map((f) => (
                <button
                  key={f.trackingNo}
                  type="button"
                  className="pub-link"
                  onClick={() => go({ name: "follow", trackingNo: f.trackingNo, code: f.queryCode })}
                >
                  {f.trackingNo}
                </button>
              ))}
            </div>
          )}
        </div>
      )}
      {directory && view.name === "form" && (
        <IntakeForm
          county={county}
          kind={view.kind}
          directory={directory}
          presetUnit={presetUnit}
          onCancel={() => go({ name: "home" })}
          onFiled={(filed) => {
            saveCase(county, filed);
            go({ name: "filed", filed });
          }}
        />
      )}
      {view.name === "filed" && (
        <div className="pub-body">
          <div className="pub-card pub-ticket" data-testid="public-filed">
            <h2 className="pub-ok">提交成功</h2>
            <div className="lbl">编号</div>
            <div className="no" data-testid="public-tracking-no">
              {view.filed.trackingNo}
            </div>
            <div className="lbl">查询码</div>
            <div className="code" data-testid="public-query-code">
              {formatQueryCode(view.filed.queryCode)}
            </div>
            <div className="pub-tip">
              请<b>截图</b>
              或抄下编号和查询码并妥善保存。查询码只显示这一次，凭它查询进度和评价，丢失后无法找回。
            </div>
            <button
              type="button"
              className="pub-btn"
              data-testid="public-follow-filed"
              onClick={() =>
                go({ name: "follow", trackingNo: view.filed.trackingNo, code: view.filed.queryCode })
              }
            >
              查看办理进度
            </button>
            <button type="button" className="pub-btn ghost" onClick={() => go({ name: "home" })}>
              返回首页
            </button>
          </div>
        </div>
      )}
      {view.name === "follow" && (
        <Follow
          county={county}
          initial={view}
          onFound={(code, status) => go({ name: "status", code, status })}
          onBack={() => go({ name: "home" })}
        />
      )}
      {view.name === "status" && (
        <div className="pub-body">
          <StatusView
            county={county}
            code={view.code}
            status={view.status}
            onChange={(status) => setView({ ...view, status })}
          />
          <button type="button" className="pub-btn ghost" onClick={() => go({ name: "home" })}>
            返回首页
          </button>
        </div>
      )}
    </div>
  );
}
