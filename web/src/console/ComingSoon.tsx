import { Button, Result } from "antd";
import { Link } from "react-router-dom";
import { useT } from "../i18n/messages.ts";
import { type NavKey, navItems } from "./nav.ts";

/** A page that is not built yet says so plainly: no placeholder data. */
export function ComingSoon({ nav }: { nav: NavKey }) {
  const t = useT();
  const item = navItems.find((i) => i.key === nav);
  const feature = item ? t[item.label] : "";
  return (
    <Result
      status="info"
      title={t.comingSoonTitle}
      subTitle={t.comingSoonBody(feature)}
      data-testid="coming-soon"
      extra={
        <Link to="/">
          <Button type="primary">{t.backHome}</Button>
        </Link>
      }
    />
  );
}

export function Forbidden() {
  const t = useT();
  return (
    <Result
      status="403"
      title={t.forbiddenTitle}
      subTitle={t.forbiddenBody}
      data-testid="forbidden"
      extra={
        <Link to="/">
          <Button type="primary">{t.backHome}</Button>
        </Link>
      }
    />
  );
}

export function NotFound() {
  const t = useT();
  return (
    <Result
      status="404"
      title={t.notFoundTitle}
      data-testid="not-found"
      extra={
        <Link to="/">
          <Button type="primary">{t.backHome}</Button>
        </Link>
      }
    />
  );
}
