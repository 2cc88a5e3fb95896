import { QueryClientProvider, useQuery } from "@tanstack/react-query";
import { Button, Result, Spin } from "antd";
import { lazy, type ReactNode, Suspense, useCallback, useEffect, useMemo, useRef, useState } from "react";
import { Navigate, Route, Routes, useLocation, useNavigate, useParams } from "react-router-dom";
import { ApiError, api, ok, setUnauthorizedHandler, signalled } from "../api/client.ts";
import { keys, newQueryClient } from "../api/query.ts";
import { clearToken, getToken, hasExpiredToken } from "../api/session.ts";
import { AntdRoot } from "../app/AntdRoot.tsx";
import { errorText } from "../app/errors.ts";
import { setLargeTextUser } from "../app/large-text.tsx";
import { useT } from "../i18n/messages.ts";
import type { LoginState } from "../pages/LoginPage.tsx";
import { ComingSoon, Forbidden, NotFound } from "./ComingSoon.tsx";
import { ConsoleLayout } from "./ConsoleLayout.tsx";
import { homePathFor, type NavKey, navItems } from "./nav.ts";
import { SECURITY_PATH } from "./paths.ts";
import { type Session, SessionContext, useSession } from "./session.tsx";

const HomePage = lazy(() => import("../pages/HomePage.tsx"));
const TenantsPage = lazy(() => import("../pages/TenantsPage.tsx"));
const NetworkPage = lazy(() => import("../pages/network/NetworkPage.tsx"));
const ContactCardPage = lazy(() => import("../pages/network/ContactCardPage.tsx"));
const UsersPage = lazy(() => import("../pages/users/UsersPage.tsx"));
const SettingsPage = lazy(() => import("../pages/settings/SettingsPage.tsx"));
const AccountSecurityPage = lazy(() => import("../pages/AccountSecurityPage.tsx"));
const FiguresPage = lazy(() => import("../pages/figures/FiguresPage.tsx"));
const FiguresReportPage = lazy(() => import("../pages/figures/ReportPage.tsx"));
const LedgerPage = lazy(() => import("../pages/cases/LedgerPage.tsx"));
const IntakePage = lazy(() => import("../pages/cases/IntakePage.tsx"));
const CasePage = lazy(() => import("../pages/cases/CasePage.tsx"));
const CaseDocumentPage = lazy(() => import("../pages/cases/documents/DocumentPage.tsx"));
const BatchPrintPage = lazy(() => import("../pages/cases/documents/BatchPrintPage.tsx"));
const AuditPage = lazy(() => import("../pages/audit/AuditPage.tsx"));
const CapacityPage = lazy(() => import("../pages/capacity/CapacityPage.tsx"));
const SupervisionIndex = lazy(() => import("../pages/supervision/SupervisionIndex.tsx"));
const SamplingPage = lazy(() => import("../pages/supervision/SamplingPage.tsx"));
const RoundPrint = lazy(() => import("../pages/supervision/RoundPrint.tsx"));
const InspectionsPage = lazy(() => import("../pages/supervision/InspectionsPage.tsx"));
const AssessmentPage = lazy(() => import("../pages/assessment/AssessmentPage.tsx"));
const AssessmentDetail = lazy(() => import("../pages/assessment/AssessmentDetail.tsx"));
const AssessmentPrint = lazy(() => import("../pages/assessment/AssessmentPrint.tsx"));
const LedgerPrintPage = lazy(() => import("../pages/cases/LedgerPrintPage.tsx"));
const ChangePasswordPage = lazy(() => import("../pages/ChangePasswordPage.tsx"));
const CampaignsPage = lazy(() => import("../pages/campaigns/CampaignsPage.tsx"));
const CampaignDetail = lazy(() => import("../pages/campaigns/CampaignDetail.tsx"));
const CampaignReport = lazy(() => import("../pages/campaigns/CampaignReport.tsx"));

/** Menu entries with a page of their own; the others say the feature is coming. */
const builtNav: ReadonlySet<NavKey> = new Set<NavKey>([
  "home",
  "tenants",
  "ledger",
  "network",
  "users",
  "settings",
  "figures",
  "audit",
  "supervision",
  "sampling",
  "inspections",
  "assessment",
  "outreach",
  "campaigns",
]);

/** Renders a page only for the roles its menu entry lists. */
function Guard({ nav, children }: { nav: NavKey; children: ReactNode }) {
  const { me } = useSession();
  const item = navItems.find((i) => i.key === nav);
  if (!item?.roles.includes(me.user.role)) return <Forbidden />;
  return children;
}

/** A point's staff have no network menu, yet print their own point's contact card (联系卡). */
function ContactCardGuard({ children }: { children: ReactNode }) {
  const { me } = useSession();
  const { id } = useParams();
  if (me.user.role === "point_staff" && me.unit && me.unit.id === id) return children;
  return <Guard nav="network">{children}</Guard>;
}

function IndexRoute() {
  const { me } = useSession();
  const home = homePathFor(me.user.role);
  if (home !== "/") return <Navigate to={home} replace />;
  return (
    <Guard nav="home">
      <HomePage />
    </Guard>
  );
}

function ConsoleRoutes() {
  return (
    <Routes>
      {/* The contact card prints on its own: no console menu or header around it. */}
      <Route
        path="network/:id/card"
        element={
          <ContactCardGuard>
            <ContactCardPage />
          </ContactCardGuard>
        }
      />
      {/* The paper ledger (打印台账) prints on its own. */}
      <Route
        path="cases/print"
        element={
          <Guard nav="ledger">
            <LedgerPrintPage />
          </Guard>
        }
      />
      {/* The documents of several cases (批量打印文书), one A4 page each. */}
      <Route
        path="cases/print-documents"
        element={
          <Guard nav="ledger">
            <BatchPrintPage />
          </Guard>
        }
      />
      {/* Case documents (文书) print on their own too. */}
      <Route
        path="cases/:id/documents/:doc"
        element={
          <Guard nav="ledger">
            <CaseDocumentPage />
          </Guard>
        }
      />
      {/* The period report prints on its own too. */}
      <Route
        path="figures/report"
        element={
          <Guard nav="figures">
            <FiguresReportPage />
          </Guard>
        }
      />
      <Route
        path="supervision/rounds/:id/print"
        element={
          <Guard nav="sampling">
            <RoundPrint />
          </Guard>
        }
      />
      {/* The assessment's ranking and each unit's sheet print on their own too. */}
      {["assessment/:id/print", "assessment/:id/print/:unitId"].map((path) => (
        <Route
          key={path}
          path={path}
          element={
            <Guard nav="assessment">
              <AssessmentPrint />
            </Guard>
          }
        />
      ))}
      <Route
        path="campaigns/:id/report"
        element={
          <Guard nav="campaigns">
            <CampaignReport />
          </Guard>
        }
      />
      <Route element={<ConsoleLayout />}>
        <Route index element={<IndexRoute />} />
        <Route
          path="figures"
          element={
            <Guard nav="figures">
              <FiguresPage />
            </Guard>
          }
        />
        <Route
          path="cases"
          element={
            <Guard nav="ledger">
              <LedgerPage />
            </Guard>
          }
        />
        <Route
          path="cases/new"
          element={
            <Guard nav="ledger">
              <IntakePage />
            </Guard>
          }
        />
        <Route
          path="cases/:id"
          element={
            <Guard nav="ledger">
              <CasePage />
            </Guard>
          }
        />
        <Route path={SECURITY_PATH.slice(1)} element={<AccountSecurityPage />} />
        <Route
          path="tenants"
          element={
            <Guard nav="tenants">
              <TenantsPage />
            </Guard>
          }
        />
        <Route
          path="network"
          element={
            <Guard nav="network">
              <NetworkPage />
            </Guard>
          }
        />
        <Route
          path="users"
          element={
            <Guard nav="users">
              <UsersPage />
            </Guard>
          }
        />
        <Route
          path="settings"
          element={
            <Guard nav="settings">
              <SettingsPage />
            </Guard>
          }
        />
        <Route
          path="audit"
          element={
            <Guard nav="audit">
              <AuditPage />
            </Guard>
          }
        />
        <Route
          path="supervision"
          element={
            <Guard nav="supervision">
              <SupervisionIndex />
            </Guard>
          }
        />
        <Route
          path="supervision/sampling"
          element={
            <Guard nav="sampling">
              <SamplingPage />
            </Guard>
          }
        />
        <Route
          path="supervision/inspections"
          element={
            <Guard nav="inspections">
              <InspectionsPage />
            </Guard>
          }
        />
        <Route
          path="assessment"
          element={
            <Guard nav="assessment">
              <AssessmentPage />
            </Guard>
          }
        />
        <Route
          path="assessment/:id"
          element={
            <Guard nav="assessment">
              <AssessmentDetail />
            </Guard>
          }
        />
        <Route
          path="outreach/*"
          element={
            <Guard nav="outreach">
              <CapacityPage />
            </Guard>
          }
        />
        <Route
          path="campaigns"
          element={
            <Guard nav="campaigns">
              <CampaignsPage />
            </Guard>
          }
        />
        <Route
          path="campaigns/:id"
          element={
            <Guard nav="campaigns">
              <CampaignDetail />
            </Guard>
          }
        />
        {navItems
          .filter((item) => !builtNav.has(item.key))
          .map((item) => (
            <Route
              key={item.key}
              path={`${item.path.slice(1)}/*`}
              element={
                <Guard nav={item.key}>
                  <ComingSoon nav={item.key} />
                </Guard>
              }
            />
          ))}
        <Route path="*" element={<NotFound />} />
      </Route>
    </Routes>
  );
}

function ConsoleGate() {
  const t = useT();
  const navigate = useNavigate();
  const location = useLocation();
  const pathRef = useRef(location.pathname);
  pathRef.current = location.pathname;
  // Read once per mount: a 401 clears the stored token while the handler below is already taking the
  // person to the login page, and re-reading it here would send them there a second time, without the reason.
  const [token] = useState(getToken);

  useEffect(() => {
    setUnauthorizedHandler(() => {
      const state: LoginState = { reason: "expired", from: pathRef.current };
      navigate("/login", { replace: true, state });
    });
    return () => setUnauthorizedHandler(null);
  }, [navigate]);

  const meQuery = useQuery({
    queryKey: [...keys.me, token],
    queryFn: ({ signal }) => ok(api.v1.me.$get({}, signalled(signal))),
    enabled: token !== null,
    staleTime: Number.POSITIVE_INFINITY,
  });
  const me = meQuery.data ?? null;
  // A 401 has already sent us to the login page (see the handler above).
  const error = meQuery.error instanceof ApiError && meQuery.error.status === 401 ? null : meQuery.error;

  const logout = useCallback(
    (reason: "logged_out" | "totp_enrolled" = "logged_out") => {
      clearToken();
      const state: LoginState = { reason };
      navigate("/login", { replace: true, state });
    },
    [navigate],
  );
  const { refetch } = meQuery;
  const refresh = useCallback(() => void refetch(), [refetch]);

  const session = useMemo<Session | null>(() => (me ? { me, logout, refresh } : null), [me, logout, refresh]);
  // 大字模式 is remembered per user: from here on this user's choice applies.
  const userId = me?.user.id ?? null;
  useEffect(() => setLargeTextUser(userId), [userId]);

  if (!token) {
    const state: LoginState = {
      reason: hasExpiredToken() ? "expired" : undefined,
      from: location.pathname === "/" ? undefined : location.pathname,
    };
    return <Navigate to="/login" replace state={state} />;
  }
  if (error) {
    return (
      <Result
        status="warning"
        title={t.sessionLoadFailed}
        subTitle={errorText(error, t)}
        data-testid="session-error"
        extra={[
          <Button key="retry" type="primary" onClick={refresh}>
            {t.retry}
          </Button>,
          <Button key="logout" onClick={() => logout()}>
            {t.logout}
          </Button>,
        ]}
      />
    );
  }
  if (!session) {
    return (
      <div
        style={{ minHeight: "100vh", display: "grid", placeItems: "center" }}
        data-testid="session-loading"
      >
        <Spin size="large" description={t.loadingSession} />
      </div>
    );
  }
  // A password someone else set: nothing but the change form until it is replaced (403 elsewhere).
  if (session.me.user.passwordChangeRequired) {
    return (
      <SessionContext value={session}>
        <Suspense fallback={<Spin />}>
          <ChangePasswordPage />
        </Suspense>
      </SessionContext>
    );
  }
  // An enrollment-only token opens nothing but the security page (the API answers 403 elsewhere).
  if (session.me.user.totpEnrollmentRequired && location.pathname !== SECURITY_PATH) {
    return <Navigate to={SECURITY_PATH} replace />;
  }
  return (
    <SessionContext value={session}>
      <ConsoleRoutes />
    </SessionContext>
  );
}

export default function ConsoleApp() {
  // One cache per console mount: logging out (and in as someone else) starts empty.
  const [queryClient] = useState(newQueryClient);
  return (
    <QueryClientProvider client={queryClient}>
      <AntdRoot>
        <ConsoleGate />
      </AntdRoot>
    </QueryClientProvider>
  );
}
