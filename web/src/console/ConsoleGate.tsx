import { useQuery } from "@tanstack/react-query";
import { Button, Result, Spin } from "antd";
import { Suspense, useCallback, useEffect, useMemo, useRef } from "react";
import { Navigate, useLocation, useNavigate } from "react-router-dom";
import { ApiError, setUnauthorizedHandler } from "../api/client.ts";
import { meQuery } from "../api/queries.ts";
import { clearToken, hasExpiredToken } from "../api/session.ts";
import { errorText } from "../app/errors.ts";
import { setLargeTextUser } from "../app/large-text.tsx";
import { useT } from "../i18n/messages.ts";
import type { LoginState } from "../pages/LoginPage.tsx";
import { pages } from "./pages.ts";
import { SECURITY_PATH } from "./paths.ts";
import { ConsoleRoutes } from "./routes.tsx";
import { type Session, SessionContext } from "./session.tsx";

/**
 * The session guard: without a token, to the login page; then the signed-in user (GET /v1/me), a
 * forced password change or TOTP enrollment before anything else, and the console's routes.
 */
export function ConsoleGate({ token }: { token: string | null }) {
  const t = useT();
  const navigate = useNavigate();
  const location = useLocation();
  const pathRef = useRef(location.pathname);
  pathRef.current = location.pathname;

  useEffect(() => {
    setUnauthorizedHandler(() => {
      const state: LoginState = { reason: "expired", from: pathRef.current };
      navigate("/login", { replace: true, state });
    });
    return () => setUnauthorizedHandler(null);
  }, [navigate]);

  const meQ = useQuery({ ...meQuery(token ?? ""), enabled: token !== null });
  const me = meQ.data ?? null;
  // A 401 has already sent us to the login page (see the handler above).
  const error = meQ.error instanceof ApiError && meQ.error.status === 401 ? null : meQ.error;

  const logout = useCallback(
    (reason: "logged_out" | "totp_enrolled" = "logged_out") => {
      clearToken();
      const state: LoginState = { reason };
      navigate("/login", { replace: true, state });
    },
    [navigate],
  );
  const { refetch } = meQ;
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
          <pages.changePassword.Page />
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
