/** The application: sign-in, or the shell (top bar, navigation) around the screen the hash names. */
import { useEffect } from "preact/hooks";
import { ApiFailure, get } from "./api/client";
import type { Me } from "./api/types";
import { Loading } from "./components/feedback";
import { t, useLang } from "./i18n";
import { APP_AREAS, currentPlace, loginLink, navigate, useRoute } from "./router";
import { AreaHelpersScreen } from "./screens/areas/area-helpers";
import { AreaDrillScreen } from "./screens/coordinator/area-drill";
import { ProgramReportsScreen } from "./screens/coordinator/program-reports";
import { RollupScreen } from "./screens/coordinator/rollup";
import { RulesScreen } from "./screens/coordinator/rules";
import { UnitDrillScreen } from "./screens/coordinator/unit-drill";
import { ProgramsScreen } from "./screens/admin/programs";
import { InboxScreen } from "./screens/inbox/inbox";
import { RecipientScreen } from "./screens/recipient/claims";
import { UnitSettingsScreen } from "./screens/settings/unit-settings";
import { AuditScreen } from "./screens/unit/audit";
import { QuickActivityScreen } from "./screens/unit/quick-activity";
import { UnitsScreen } from "./screens/admin/units";
import { StructureScreen } from "./screens/structure/structure";
import { UsersScreen } from "./screens/admin/users";
import { LoginScreen } from "./screens/login";
import { DashboardScreen } from "./screens/unit/dashboard";
import { LedgerScreen } from "./screens/unit/ledger";
import { UnitReportsScreen } from "./screens/unit/reports";
import { SubmissionScreen } from "./screens/unit/submission";
import { afterSignIn, session, signIn, signOutReason, useSession } from "./session";
import { SideNav } from "./shell/side-nav";
import { TopBar } from "./shell/top-bar";

function Screen({ segments, query }: { segments: string[]; query: Record<string, string> }) {
  const [area, id, screen, sub] = segments;
  if (area === "u" && id) {
    if (!screen) return <DashboardScreen unit={id} query={query} />;
    if (screen === "ledger") return <LedgerScreen unit={id} resource={sub} query={query} />;
    if (screen === "submissions") return <SubmissionScreen unit={id} query={query} />;
    if (screen === "reports") return <UnitReportsScreen unit={id} />;
    if (screen === "settings") return <UnitSettingsScreen unit={id} />;
    if (screen === "audit") return <AuditScreen unit={id} />;
    if (screen === "quick") return <QuickActivityScreen unit={id} />;
  }
  if (area === "p" && id) {
    if (screen === "rollup") return <RollupScreen program={id} query={query} />;
    if (screen === "areas" && sub) return <AreaDrillScreen program={id} code={sub} query={query} />;
    if (screen === "units" && sub) return <UnitDrillScreen program={id} unit={sub} query={query} />;
    if (screen === "rules") return <RulesScreen program={id} />;
    if (screen === "reports") return <ProgramReportsScreen program={id} />;
    if (screen === "structure") return <StructureScreen program={id} />;
  }
  if (area === "areas" && id) return <AreaHelpersScreen code={id} query={query} />;
  if (area === "recipient") return <RecipientScreen query={query} />;
  if (area === "inbox") return <InboxScreen />;
  if (area === "admin") return id === "users" ? <UsersScreen /> : id === "programs" ? <ProgramsScreen /> : <UnitsScreen />;
  return null;
}

/**
 * Whether this browser has a session (the cookie every tab shares): the server's answer to
 * GET /api/me. A refused session was explained by the 401 handler; a server out of reach is said so.
 */
async function restoreSession(): Promise<void> {
  try {
    signIn({ user: (await get<Me>("/api/me")).user });
  } catch (err) {
    if (session.get() !== undefined) return;
    signOutReason.set(err instanceof ApiFailure ? err.message : t("common.networkError"));
    session.set(null);
  }
}

export function App() {
  useLang();
  const route = useRoute();
  const current = useSession();
  const atLogin = route.segments[0] === "login";
  const known = APP_AREAS.includes(route.segments[0] ?? "");

  useEffect(() => void restoreSession(), []);

  useEffect(() => {
    // A tab opened on the sign-in screen (or an unknown hash) while signed in goes on where it was asked to.
    if (current && (atLogin || !known)) navigate(afterSignIn(current.user, route.query.next), true);
    // Signed out: to the sign-in screen, which returns here afterwards.
    if (current === null && !atLogin) navigate(loginLink(currentPlace()), true);
  }, [current, atLogin, known]);

  // A new screen starts at the top, with focus on its content (not on the link that led there).
  const screenKey = route.segments.join("/");
  useEffect(() => {
    window.scrollTo(0, 0);
    document.getElementById("main")?.focus({ preventScroll: true });
  }, [screenKey]);

  if (current === undefined) return <Loading />;
  if (!current) return <LoginScreen />;
  return (
    <div class="app">
      <button type="button" class="skip-link" onClick={() => document.getElementById("main")?.focus()}>
        {t("app.skipToContent")}
      </button>
      <TopBar />
      <div class="app__body">
        <SideNav user={current.user} route={route} />
        <main id="main" class="app__main" tabIndex={-1}>
          <Screen segments={route.segments} query={route.query} />
        </main>
      </div>
    </div>
  );
}
