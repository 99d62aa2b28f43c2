/** The top bar: product name, the unit's ledger search, language switch, the signed-in user, changing one's password, sign out. */
import { useEffect, useState } from "preact/hooks";
import { refreshUnread, useUnread } from "../screens/inbox/unread";
import { href, useRoute } from "../router";
import { LedgerSearch } from "./ledger-search";
import { ChangePasswordDialog } from "../screens/account/change-password";
import { setLang, t, useLang } from "../i18n";
import { label, ROLE } from "../labels";
import { send } from "../api/client";
import { homeOf, signOut, useSession } from "../session";
import { mayLeave } from "../unsaved";

export function LangSwitch() {
  const lang = useLang();
  const other = lang === "en" ? "zh-CN" : "en";
  return (
    <button type="button" class="topbar__lang" onClick={() => setLang(other)} lang={other} aria-label={t("app.switchLanguage")}>
      {lang === "en" ? "中文" : "English"}
    </button>
  );
}

/**
 * Signs out on the server (the cookie is cleared there: it is HttpOnly) and then here. If the server
 * cannot be reached the session is kept, so that leaving a shared computer never looks done when it is not.
 */
async function signOutByHand(): Promise<void> {
  if (!mayLeave()) return;
  try {
    await send("POST", "/api/auth/logout");
  } catch {
    window.alert(t("app.signOutFailed"));
    return;
  }
  signOut(null, false);
}

export function TopBar() {
  const current = useSession();
  const [changing, setChanging] = useState(false);
  const unread = useUnread();
  // Inside a unit's screens, its ledger can be searched from here.
  const { segments } = useRoute();
  const unit = segments[0] === "u" ? segments[1] : undefined;
  // The bell's count: at sign-in, then once a minute (an admin has no inbox).
  useEffect(() => {
    if (!current || current.user.role === "admin") return;
    void refreshUnread();
    const timer = setInterval(() => void refreshUnread(), 60_000);
    return () => clearInterval(timer);
  }, [current?.user.id]);
  return (
    <>
      <header class="topbar">
        <a class="topbar__brand" href={current ? homeOf(current.user) : "#/login"}>
          <span class="topbar__mark" aria-hidden="true">
            对口
          </span>
          <span class="topbar__name">{t("app.name")}</span>
        </a>
        {current && unit ? <LedgerSearch key={unit} unit={unit} /> : null}
        <div class="topbar__right">
          <LangSwitch />
          {current ? (
            <>
              {/* Named by its visible word, the count read out as a phrase ("消息，3 条未读") instead of the bare digit. */}
              {current.user.role !== "admin" ? (
                <a class="topbar__inbox" href={href(["inbox"])}>
                  {t("inbox.title")}
                  {unread ? (
                    <>
                      <span class="topbar__badge" aria-hidden="true">
                        {unread}
                      </span>
                      <span class="sr-only">{t("inbox.badge", { count: unread })}</span>
                    </>
                  ) : null}
                </a>
              ) : null}
              <span class="topbar__user">
                <span class="topbar__user-name">{current.user.name}</span>
                <span class="topbar__role">{label(ROLE, current.user.role)}</span>
              </span>
              <button type="button" class="topbar__signout" onClick={() => setChanging(true)}>
                {t("account.changePassword")}
              </button>
              <button type="button" class="topbar__signout" onClick={() => void signOutByHand()}>
                {t("app.signOut")}
              </button>
            </>
          ) : null}
        </div>
      </header>
      {/* Outside the banner: the dialog's form and its actions are not part of the page's header. */}
      {current && changing ? <ChangePasswordDialog onClose={() => setChanging(false)} /> : null}
    </>
  );
}
