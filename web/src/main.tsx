/** Entry: styles, language attribute, and the app mounted on #app. */
import { render } from "preact";
import { App } from "./app";
import { langStore } from "./i18n";
import "./styles/base.css";
import "./styles/layout.css";
import "./styles/controls.css";
import "./styles/tables.css";
import "./styles/feedback.css";
import "./styles/cards.css";
import "./styles/login.css";
import "./styles/dashboard.css";
import "./styles/coordinator.css";
import "./styles/documents.css";

document.documentElement.lang = langStore.get();
render(<App />, document.getElementById("app")!);
