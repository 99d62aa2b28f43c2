/** Sign in: username and password; wrong ones are said so, and a lock-out shows how long to wait. */
import { useEffect, useState } from "preact/hooks";
import { ApiFailure, send } from "../api/client";
import { describe, FieldRow } from "../components/field";
import { t } from "../i18n";
import { navigate } from "../router";
import { deviceMark, homeOf, signIn, signOutReason, type Session } from "../session";
import { useStore } from "../store";
import { LangSwitch } from "../shell/top-bar";

export function LoginScreen() {
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [waitUntil, setWaitUntil] = useState(0);
  const [now, setNow] = useState(Date.now());
  const [busy, setBusy] = useState(false);
  const reason = useStore(signOutReason);
  const wait = Math.max(0, Math.ceil((waitUntil - now) / 1000));

  useEffect(() => {
    document.title = `${t("login.title")} · ${t("app.name")}`;
  }, []);
  useEffect(() => {
    if (!wait) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [wait > 0]);

  const submit = async (e: Event) => {
    e.preventDefault();
    if (!username.trim() || !password) return setError(t("login.missing"));
    setBusy(true);
    setError(null);
    try {
      const name = username.trim();
      const { data } = await send<Session & { device: string }>("POST", "/api/auth/login", { username: name, password, device: deviceMark.get(name) });
      deviceMark.set(name, data.device);
      signIn({ token: data.token, expiresAt: data.expiresAt, user: data.user });
      navigate(homeOf(data.user), true);
    } catch (err) {
      if (err instanceof ApiFailure && err.status === 429) {
        setWaitUntil(Date.now() + (err.retryAfter ?? 30) * 1000);
        setNow(Date.now());
        setError(null);
      } else setError(err instanceof ApiFailure ? err.message : t("common.networkError"));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class="login">
      <div class="login__lang">
        <LangSwitch />
      </div>
      <main class="login__card" aria-labelledby="login-title">
        <div class="login__brand">
          <span class="topbar__mark topbar__mark--large" aria-hidden="true">
            对口
          </span>
          <div>
            <h1 id="login-title">{t("app.name")}</h1>
            <p class="muted">{t("login.tagline")}</p>
          </div>
        </div>
        <form class="form" onSubmit={submit} noValidate>
          {reason ? (
            <p class="notice notice--warn" role="status">
              {reason}
            </p>
          ) : null}
          <FieldRow id="login-username" label={t("login.username")}>
            <input {...describe("login-username")} type="text" autoComplete="username" value={username} onInput={(e) => setUsername((e.currentTarget as HTMLInputElement).value)} />
          </FieldRow>
          <FieldRow id="login-password" label={t("login.password")}>
            <input {...describe("login-password")} type="password" autoComplete="current-password" value={password} onInput={(e) => setPassword((e.currentTarget as HTMLInputElement).value)} />
          </FieldRow>
          {error ? (
            <p class="notice notice--error" role="alert" id="login-error">
              {error}
            </p>
          ) : null}
          {wait > 0 ? (
            <p class="notice notice--warn" role="alert" id="login-wait">
              {t("login.locked", { seconds: wait })}
            </p>
          ) : null}
          <button type="submit" class="btn btn--primary btn--block" disabled={busy || wait > 0}>
            {busy ? t("login.signingIn") : t("login.submit")}
          </button>
        </form>
        <p class="login__foot muted">{t("login.foot")}</p>
      </main>
    </div>
  );
}
