// The loader: the only script on the shop's page. It must stay under 5 KB gzip and never block rendering,
// so it draws a fixed launcher in a shadow root and leaves the chat itself to the frame on Sohbet's origin.
import css from "./loader.css";

interface Config {
  lang: string;
  dir: string;
  open: string;
  close: string;
  frame: string;
  title?: string;
}
type Msg = { type: string; [key: string]: unknown };
type Api = Record<string, (...args: any[]) => void>;

const LANGS = ["en", "fa", "ar", "tr", "bg"];
const SVG = "http://www.w3.org/2000/svg";

((w: Window & { Sohbet?: unknown }, d: Document) => {
  const script = (d.currentScript ||
    d.querySelector('script[data-inbox][src*="widget.js"]')) as HTMLScriptElement | null;
  const previous = w.Sohbet as any;
  if (!script || (previous && previous._sohbet)) return;
  const inbox = script.dataset.inbox || "";
  const origin = new URL(script.src, location.href).origin;
  const queued: unknown[][] = Array.isArray(previous) ? previous : [];

  const primary = (tag: string | null | undefined) => {
    const lang = (tag || "").toLowerCase().split(/[-_]/)[0];
    return LANGS.indexOf(lang) < 0 ? "en" : lang;
  };

  let lang = primary(d.documentElement.lang);
  let config: Config | undefined;
  let wrap: HTMLDivElement | undefined;
  let button: HTMLButtonElement;
  let badge: HTMLSpanElement;
  let frame: HTMLIFrameElement | undefined;
  let ready = false;
  let opened = false;
  let wantOpen = false;
  let identity: string | null = null;
  let outbox: Msg[] = [];

  const post = (message: Msg) => {
    if (ready && frame && frame.contentWindow) {
      // Always the exact origin: a token must never be posted to whatever page the frame happens to show.
      frame.contentWindow.postMessage({ ...message, sohbet: 1 }, origin);
    } else if (outbox.length < 100) {
      outbox.push(message);
    }
  };

  const label = () => {
    if (!config) return;
    button.setAttribute("aria-label", opened ? config.close : config.open);
    button.setAttribute("aria-expanded", String(opened));
    if (frame) frame.title = config.title || config.open;
  };

  const createFrame = () => {
    if (frame || !config || !wrap) return;
    frame = d.createElement("iframe");
    frame.hidden = !opened;
    // The tracking key lets the chat record where on the site it started (ADR 34); without consent it stays out.
    frame.src =
      new URL(config.frame, origin).href +
      "&origin=" +
      encodeURIComponent(location.origin) +
      (seller ? "&seller=" + encodeURIComponent(seller) : "") +
      (tracking ? "&vid=" + encodeURIComponent(visitor) : "");
    wrap.appendChild(frame);
    label();
  };

  const setOpen = (open: boolean, fromUser?: boolean) => {
    if (!wrap) {
      wantOpen = open;
      return;
    }
    if (open) createFrame();
    opened = open;
    wrap.className = open ? "open" : "";
    if (frame) frame.hidden = !open;
    label();
    // Not queued: the frame learns the current state when it says ready.
    // The page's address lets the frame's help view suggest the articles set up for it.
    if (ready) post({ type: open ? "open" : "close", focus: !!fromUser, url: location.href });
    if (!open && fromUser) button.focus();
  };

  const svg = (path: string, cls: string) => {
    const icon = d.createElementNS(SVG, "svg");
    const shape = d.createElementNS(SVG, "path");
    icon.setAttribute("viewBox", "0 0 24 24");
    icon.setAttribute("aria-hidden", "true");
    icon.setAttribute("class", cls);
    shape.setAttribute("d", path);
    icon.appendChild(shape);
    return icon;
  };

  const draw = () => {
    const host = d.createElement("sohbet-widget");
    const root = host.attachShadow({ mode: "open" });
    // A constructed sheet is not subject to the shop's style-src CSP; a <style> element is the fallback.
    if ("adoptedStyleSheets" in root && "replaceSync" in CSSStyleSheet.prototype) {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
      root.adoptedStyleSheets = [sheet];
    } else {
      root.appendChild(d.createElement("style")).textContent = css;
    }
    wrap = d.createElement("div");
    button = d.createElement("button");
    button.type = "button";
    button.appendChild(svg("M4 3h16a2 2 0 0 1 2 2v11a2 2 0 0 1-2 2H8l-5 4V5a2 2 0 0 1 1-2z", "c"));
    button.appendChild(svg("M6.4 5 12 10.6 17.6 5 19 6.4 13.4 12l5.6 5.6-1.4 1.4-5.6-5.6L6.4 19 5 17.6l5.6-5.6L5 6.4z", "x"));
    badge = d.createElement("span");
    badge.setAttribute("aria-hidden", "true");
    badge.hidden = true;
    button.appendChild(badge);
    for (const type of ["pointerenter", "focus"]) button.addEventListener(type, createFrame);
    button.addEventListener("click", () => setOpen(!opened, true));
    wrap.appendChild(button);
    root.appendChild(wrap);
    label();
    d.body.appendChild(host);
    const idle = (w as any).requestIdleCallback;
    if (idle) idle(createFrame, { timeout: 5000 });
    else setTimeout(createFrame, 3000);
    if (wantOpen) setOpen(true);
  };

  const load = (forLang: string): Promise<Config | void> =>
    fetch(origin + "/widget/config?inbox=" + encodeURIComponent(inbox) + "&lang=" + forLang, {
      credentials: "omit",
    }).then(
      (response) => {
        if (response.ok) return response.json();
        console.error(
          response.status == 404
            ? 'Sohbet: unknown inbox key "' + inbox + '". Check the data-inbox attribute of the widget tag.'
            : response.status == 403
              ? "Sohbet: this page's domain (" + location.origin + ') is not allowed for inbox "' + inbox +
                '". Add it in Settings → Inboxes.'
              : "Sohbet: the widget configuration answered " + response.status + ".",
        );
      },
      () =>
        console.error(
          "Sohbet: could not load the widget configuration from " + origin +
            ". If the server is up, add this page's domain (" + location.origin + ") in Settings → Inboxes.",
        ),
    );

  // The page API's tracking goes straight to Sohbet in small batches, never through the frame, so it works before
  // and without the chat (ADR 30).
  const local = w.localStorage;
  const session = w.sessionStorage;
  const read = (store: Storage, key: string) => {
    try {
      return store.getItem(key);
    } catch (e) {
      return null;
    }
  };
  const keep = (store: Storage, key: string, value: string) => {
    try {
      store.setItem(key, value);
    } catch (e) {}
  };
  let seller = script.dataset.seller || "";
  let tracking = read(local, "sohbet.consent") != "0";
  let events: Record<string, unknown>[] = [];
  let timer = 0;
  let pageUrl = "";
  let pageAt = 0;
  const visitor = read(local, "sohbet.vid") || Math.random().toString(36).slice(2) + Date.now().toString(36);
  keep(local, "sohbet.vid", visitor);
  const seenAt = Number(read(local, "sohbet.seen")) || 0;
  const returning = read(session, "sohbet.ret") || (seenAt && Date.now() - seenAt > 18e5 ? "1" : "0");
  keep(session, "sohbet.ret", returning);
  const send = (beacon?: boolean, recheck?: boolean) => {
    clearTimeout(timer);
    timer = 0;
    if ((!events.length && !recheck) || !tracking || !inbox) return;
    const body = JSON.stringify({
      v: visitor,
      r: returning == "1",
      lang: (navigator.language || "").split("-")[0].toLowerCase(),
      seller: seller || undefined,
      events: events.slice(0, 50),
    });
    events = events.slice(50);
    keep(local, "sohbet.seen", String(Date.now()));
    const url = origin + "/widget/events?inbox=" + encodeURIComponent(inbox);
    // A string body is text/plain: no preflight, and a beacon survives the page being closed.
    if (!(beacon && navigator.sendBeacon && navigator.sendBeacon(url, body))) {
      fetch(url, { method: "POST", body, keepalive: true, credentials: "omit" })
        .then((response) => response.ok && response.json())
        .then(answered, () => {});
    }
    if (events.length) send(beacon);
  };
  // The server evaluates the invitation rules on each batch and answers with an invitation, or with when to ask
  // again for a rule that waits for time on the page (ADR 33).
  let recheckTimer = 0;
  const answered = (answer: any) => {
    if (!answer) return;
    if (answer.invite && typeof answer.invite.text == "string") {
      post({ type: "invite", text: answer.invite.text });
      setOpen(true);
    }
    clearTimeout(recheckTimer);
    if (answer.recheck > 0) recheckTimer = setTimeout(() => send(false, true), Math.min(answer.recheck, 864e5)) as any;
  };
  const queue = (event: Record<string, unknown>) => {
    if (!tracking) return;
    events.push(event);
    if (events.length >= 50) send();
    else if (!timer) timer = setTimeout(send, 400) as any;
  };
  const left = () => pageUrl && queue({ t: "leave", url: pageUrl, ms: Date.now() - pageAt });
  const page = () => {
    const url = location.href;
    if (url == pageUrl) return;
    left();
    queue({ t: "page", url, title: d.title, ref: pageUrl || d.referrer || undefined });
    pageUrl = url;
    pageAt = Date.now();
  };
  for (const name of ["pushState", "replaceState"]) {
    const original = (history as any)[name];
    (history as any)[name] = function (this: History) {
      const result = original.apply(this, arguments);
      setTimeout(page);
      return result;
    };
  }
  w.addEventListener("popstate", () => setTimeout(page));
  w.addEventListener("pagehide", () => {
    left();
    pageUrl = "";
    send(true);
  });
  w.addEventListener("pageshow", (event) => event.persisted && page());

  const api: Api = {
    open: () => setOpen(true),
    close: () => setOpen(false),
    identify: (token?: string | null) => {
      identity = token || null;
      post({ type: "identify", token: identity });
    },
    setLocale: (tag: string) => {
      const next = primary(tag);
      if (next == lang) return;
      lang = next;
      load(lang).then((fresh) => {
        if (fresh) {
          config = fresh;
          label();
        }
      });
      post({ type: "locale", lang });
    },
    track: (name: string, props?: any) => {
      if (props && typeof props.seller == "string") seller = props.seller;
      queue({ t: "track", name, props, url: location.href });
      post({ type: "track", name, props });
    },
    setCart: (cart: unknown) => {
      queue({ t: "cart", cart, url: location.href });
      post({ type: "cart", cart });
    },
    consent: (on?: boolean) => {
      tracking = on !== false;
      keep(local, "sohbet.consent", tracking ? "1" : "0");
      events = [];
      if (tracking) {
        pageUrl = "";
        page();
      }
    },
  };
  (api as any)._sohbet = 1;
  w.Sohbet = api;
  for (const call of queued) {
    const fn = api[call[0] as string];
    if (fn) fn.apply(api, call.slice(1));
  }
  page();

  w.addEventListener("message", (event) => {
    const data = event.data;
    if (event.origin != origin || !frame || event.source != frame.contentWindow || !data || data.sohbet !== 1) return;
    if (data.type == "ready") {
      ready = true;
      // The frame waits for this first identify before it says hello, so a signed-in customer never sees
      // the anonymous history first.
      const waiting = outbox.filter((message) => message.type != "identify");
      outbox = [];
      post({ type: "identify", token: identity });
      waiting.forEach(post);
      if (opened) post({ type: "open", focus: false, url: location.href });
    } else if (data.type == "close") {
      setOpen(false, true);
    } else if (data.type == "show") {
      setOpen(true);
    } else if (data.type == "navigate" && /^https?:\/\//i.test(String(data.url))) {
      location.href = data.url;
    } else if (data.type == "unread") {
      const count = Math.max(0, Number(data.count) || 0);
      badge.textContent = count > 99 ? "99+" : String(count);
      badge.hidden = !count;
    }
  });

  if (!inbox) {
    console.error("Sohbet: the widget tag needs a data-inbox attribute.");
    return;
  }
  load(lang).then((loaded) => {
    if (!loaded) return;
    config = loaded;
    if (d.body) draw();
    else d.addEventListener("DOMContentLoaded", draw);
  });
})(window, document);
