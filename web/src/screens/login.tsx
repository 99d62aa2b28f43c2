/**
 * Sign in: username and password; wrong ones are said so, and a lock-out shows how long to wait.
 * The API sets the session cookie (page scripts never see the token); the user lands on the screen
 * they were sent here from (`#/login?next=…`, the app's own screens only) or on their home screen.
 */
import { useEffect, useState } from "preact/hooks";
import { ApiFailure, send } from "../api/client";
import { describe, FieldRow } from "../components/field";
import { t } from "../i18n";
import type { User } from "../api/types";
import { navigate, useRoute } from "../router";
import { afterSignIn, deviceMark, signIn, signOutReason } from "../session";
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
  const next = useRoute().query.next;
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
      const { data } = await send<{ user: User; device: string }>("POST", "/api/auth/login", { username: name, password, device: deviceMark.get(name), cookie: true });
      deviceMark.set(name, data.device);
      signIn({ user: data.user });
      navigate(afterSignIn(data.user, next), true);
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
