/** The application: sign-in, or the shell (top bar, navigation) around the screen the hash names. */
import { useEffect } from "preact/hooks";
import { get } from "./api/client";
import { t, useLang } from "./i18n";
import { navigate, useRoute } from "./router";
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
import { UnitsScreen } from "./screens/admin/units";
import { StructureScreen } from "./screens/structure/structure";
import { UsersScreen } from "./screens/admin/users";
import { LoginScreen } from "./screens/login";
import { DashboardScreen } from "./screens/unit/dashboard";
import { LedgerScreen } from "./screens/unit/ledger";
import { UnitReportsScreen } from "./screens/unit/reports";
import { SubmissionScreen } from "./screens/unit/submission";
import { homeOf, useSession } from "./session";
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

export function App() {
  useLang();
  const route = useRoute();
  const current = useSession();
  const atLogin = route.segments[0] === "login";
  const known = ["u", "p", "areas", "admin", "recipient", "inbox"].includes(route.segments[0] ?? "");

  useEffect(() => {
    if (current && (atLogin || !known)) navigate(homeOf(current.user), true);
    if (!current && !atLogin) navigate("#/login", true);
  }, [current, atLogin, known]);

  // A new screen starts at the top, with focus on its content (not on the link that led there).
  const screenKey = route.segments.join("/");
  useEffect(() => {
    window.scrollTo(0, 0);
    document.getElementById("main")?.focus({ preventScroll: true });
  }, [screenKey]);

  // A token the server no longer accepts (user disabled, secret rotated) signs out at once.
  useEffect(() => {
    if (current) get("/api/me").catch(() => undefined);
  }, [current?.token]);

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
