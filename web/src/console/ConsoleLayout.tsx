import {
  AuditOutlined,
  BarChartOutlined,
  CloudServerOutlined,
  ClusterOutlined,
  FileSearchOutlined,
  HomeOutlined,
  LogoutOutlined,
  NotificationOutlined,
  ProfileOutlined,
  SafetyCertificateOutlined,
  SafetyOutlined,
  SettingOutlined,
  TeamOutlined,
  UserOutlined,
} from "@ant-design/icons";
import { Breadcrumb, Button, Dropdown, Flex, Grid, Layout, Menu, Spin, Tag, Tooltip, Typography } from "antd";
import { type ReactNode, Suspense, useEffect, useState } from "react";
import { Link, Outlet, useLocation, useNavigate } from "react-router-dom";
import { LangSwitch } from "../app/LangSwitch.tsx";
import { LargeTextSwitch } from "../app/LargeTextSwitch.tsx";
import { useSmallFont } from "../app/large-text.tsx";
import { useLang } from "../i18n/lang.tsx";
import { useT } from "../i18n/messages.ts";
import { roleLabel } from "../i18n/roles.ts";
import { NoticeBell } from "../pages/notices/NoticeBell.tsx";
import { crumbsOf } from "./crumbs.ts";
import { HeaderSearch } from "./HeaderSearch.tsx";
import { type NavItem, type NavKey, navFor, navKeyOf } from "./nav.ts";
import { SECURITY_PATH } from "./paths.ts";
import { useSession } from "./session.tsx";

const icons: Partial<Record<NavKey, ReactNode>> = {
  home: <HomeOutlined />,
  ledger: <ProfileOutlined />,
  network: <ClusterOutlined />,
  users: <TeamOutlined />,
  figures: <BarChartOutlined />,
  supervision: <AuditOutlined />,
  outreach: <NotificationOutlined />,
  settings: <SettingOutlined />,
  audit: <FileSearchOutlined />,
  tenants: <CloudServerOutlined />,
};

const headerText = "rgba(255,255,255,0.92)";

export function ConsoleLayout() {
  const t = useT();
  const { lang } = useLang();
  const { me, logout } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  // An enrollment-only session has nothing to open but the security page.
  const items = me.user.totpEnrollmentRequired ? [] : navFor(me.user.role);
  const selected = navKeyOf(location.pathname);
  const menuItem = (item: NavItem) => ({
    key: item.key,
    icon: icons[item.key],
    label: <span data-testid={`nav-${item.key}`}>{t[item.label]}</span>,
    onClick: () => navigate(item.path),
  });
  // A group's entry opens its sub-items (监督检查 → 抽查回访, 检查整改 …); the others navigate.
  const menuItems = items
    .filter((item) => !item.group)
    .map((item) => {
      const children = items.filter((c) => c.group === item.key);
      if (!children.length) return menuItem(item);
      const { onClick: _go, ...group } = menuItem(item);
      return { ...group, children: children.map(menuItem) };
    });
  const openGroup = items.find((i) => i.key === selected)?.group;
  // The group of the page shown stays open (also when reached by a link, not the menu).
  const [openKeys, setOpenKeys] = useState<string[]>(openGroup ? [openGroup] : []);
  useEffect(() => {
    if (openGroup) setOpenKeys((keys) => (keys.includes(openGroup) ? keys : [...keys, openGroup]));
  }, [openGroup]);
  // Stations use whatever screen they have: on narrow ones drop the subtitle, tenant tag and labels.
  const screens = Grid.useBreakpoint();
  const wide = screens.lg ?? true;
  const medium = screens.md ?? true;
  const small = useSmallFont();
  const crumbs = crumbsOf(location.pathname);

  return (
    <Layout style={{ minHeight: "100vh" }}>
      <Layout.Header
        style={{
          display: "flex",
          alignItems: "center",
          gap: 16,
          paddingInline: medium ? 20 : 12,
          background: "linear-gradient(90deg, #8f0b20, #c8102e)",
        }}
      >
        <Flex align="center" gap={10} style={{ minWidth: 0, flex: "1 1 auto", overflow: "hidden" }}>
          <SafetyCertificateOutlined style={{ fontSize: 26, color: "#ffd666" }} />
          <Typography.Text
            strong
            style={{ color: "#fff", fontSize: 18, whiteSpace: "nowrap", flexShrink: 0 }}
            data-testid="product-name"
          >
            {t.productName}
          </Typography.Text>
          {wide && (
            <Typography.Text style={{ color: headerText, whiteSpace: "nowrap" }} ellipsis>
              {t.productSubtitle}
            </Typography.Text>
          )}
        </Flex>
        <Flex align="center" gap={medium ? 12 : 4} style={{ flex: "0 0 auto" }}>
          {/* From 1200 px (a 1366 px office screen): narrower ones keep the ledger's own search box. */}
          {screens.xl && items.some((i) => i.key === "ledger") && (
            <HeaderSearch showLabel={screens.xxl ?? false} color={headerText} />
          )}
          {me.tenant && medium && (
            <Tooltip title={`${t.fieldCountyCode} ${me.tenant.countyCode}`}>
              <Tag color="gold" variant="solid" style={{ marginInlineEnd: 0 }} data-testid="header-tenant">
                {me.tenant.name}
              </Tag>
            </Tooltip>
          )}
          {/* Notices go to a tenant's units; the platform operator has none. */}
          {me.tenant && !me.user.totpEnrollmentRequired && <NoticeBell color="#fff" />}
          <Dropdown
            trigger={["click"]}
            menu={{
              items: [
                {
                  key: "security",
                  icon: <SafetyOutlined />,
                  label: <span data-testid="menu-account-security">{t.accountSecurity}</span>,
                  onClick: () => navigate(SECURITY_PATH),
                },
                {
                  key: "logout",
                  icon: <LogoutOutlined />,
                  label: <span data-testid="menu-logout">{t.logout}</span>,
                  onClick: () => logout(),
                },
              ],
            }}
          >
            <Button
              type="text"
              style={{ color: "#fff", paddingInline: 6 }}
              title={t.userMenu}
              aria-haspopup="menu"
              data-testid="header-user-menu"
            >
              <Flex align="center" gap={6}>
                <UserOutlined />
                <span data-testid="header-user">{me.user.displayName}</span>
                {medium && (
                  <span style={{ color: headerText, fontSize: small }} data-testid="header-role">
                    {lang === "zh"
                      ? `（${roleLabel(me.user.role, lang)}）`
                      : `(${roleLabel(me.user.role, lang)})`}
                  </span>
                )}
              </Flex>
            </Button>
          </Dropdown>
          <LargeTextSwitch dark />
          <LangSwitch dark />
          <Button
            type="text"
            icon={<LogoutOutlined />}
            style={{ color: headerText }}
            onClick={() => logout()}
            title={t.logout}
            aria-label={t.logout}
            data-testid="logout"
          >
            {medium ? t.logout : null}
          </Button>
        </Flex>
      </Layout.Header>
      <Layout>
        <Layout.Sider
          theme="light"
          width={216}
          breakpoint="lg"
          collapsible
          style={{ borderRight: "1px solid #f0f0f0" }}
        >
          <Menu
            mode="inline"
            selectedKeys={selected ? [selected] : []}
            openKeys={openKeys}
            onOpenChange={setOpenKeys}
            style={{ borderInlineEnd: 0, paddingTop: 8 }}
            data-testid="nav"
            items={menuItems}
          />
        </Layout.Sider>
        <Layout.Content style={{ padding: medium ? 24 : 12, minWidth: 0 }}>
          {crumbs.length > 0 && (
            <Breadcrumb
              aria-label={t.crumbTrail}
              data-testid="breadcrumb"
              style={{ marginBottom: 12 }}
              items={crumbs.map((c) => ({
                title: c.path ? <Link to={c.path}>{t[c.label]}</Link> : t[c.label],
              }))}
            />
          )}
          <Suspense
            fallback={
              <Flex justify="center" style={{ padding: 48 }}>
                <Spin />
              </Flex>
            }
          >
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
