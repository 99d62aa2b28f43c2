/** The one typed app environment: every router, middleware and handler uses it. */
import type { Lang } from "./i18n";
import type { AuthInfo } from "./auth/claims";
import type { Services } from "./services";
import type { TenantContext } from "./tenants/directory";

export interface AppEnv {
  Variables: {
    requestId: string;
    lang: Lang;
    services: Services;
    auth: AuthInfo;
    /** How the caller's token came: an API client's Authorization header, or the web's session cookie. */
    authVia: "bearer" | "cookie";
    tenant: TenantContext;
  };
}
