import { Result } from "antd";
import { useParams } from "react-router-dom";
import { AntdRoot } from "../app/AntdRoot.tsx";
import { useLang } from "../i18n/lang.tsx";

/**
 * The consumers' mobile intake page (product.md §7). Its own chunk: it must never import from console/,
 * so a consumer's phone downloads none of the staff console. Not built yet.
 */
export default function PublicIntakePage() {
  const { countyCode } = useParams();
  const { lang } = useLang();
  return (
    <AntdRoot>
      <Result
        status="info"
        data-testid="public-coming-soon"
        title={lang === "zh" ? "在线投诉即将上线" : "Online complaints: coming soon"}
        subTitle={
          lang === "zh"
            ? `县级局 ${countyCode ?? ""} 的在线投诉、举报和咨询页面正在建设中。`
            : `The online complaint, report and question page for county ${countyCode ?? ""} is being built.`
        }
      />
    </AntdRoot>
  );
}
