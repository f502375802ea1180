// The chat frame, served from Sohbet's origin inside the loader's iframe. It owns the visitor socket, the
// visitor token and the outbox. Every visible string comes from the template (Thymeleaf message keys).

import { linkPieces, safeUrl } from "./text";

interface FrameConfig {
  inbox: string;
  greeting: string | null;
  replyTime: string | null;
  preChat: boolean;
  parentOrigin: string;
  socketPath: string;
  attachmentsUrl: string;
  maxFileBytes: number;
  lang: string;
  seller?: string | null;
  // Present when a mailbox can send this inbox's transcripts.
  transcriptUrl?: string;
}
interface Attachment {
  name: string;
  type: string;
  size: number;
  url: string;
}
interface ChatMessage {
  seq: number;
  clientId?: string | null;
  kind: "text" | "attachment" | "activity";
  author: "visitor" | "agent" | "system" | "assistant";
  authorName?: string | null;
  text?: string | null;
  attachment?: Attachment | null;
  activity?: string | null;
  status?: string;
  at?: string;
}
interface Conversation {
  status: string;
  lastSeq: number;
  agentSeenSeq: number;
  rating: number | null;
}
interface Outgoing {
  clientId: string;
  text: string;
  // Set for a message from the leave-a-message form: it goes out as "leave".
  name?: string;
  email?: string;
}

const d = document;
const $ = <T extends HTMLElement>(id: string) => d.getElementById(id) as T;
const config: FrameConfig = JSON.parse(d.body.dataset.config || "{}");
const texts = $("texts").dataset;
const t = (key: string) => texts[key] || texts.generic || "";

const log = $<HTMLOListElement>("log");
const composer = $<HTMLFormElement>("composer");
const input = $<HTMLTextAreaElement>("text");
const attach = $<HTMLButtonElement>("attach");
const fileInput = $<HTMLInputElement>("file");
const prechat = $<HTMLFieldSetElement>("prechat");
const rating = $<HTMLFormElement>("rating");
const errorLine = $("error");
const leaveForm = $<HTMLFormElement>("leave");
const queueLine = $("queue");
const transcriptForm = $<HTMLFormElement>("transcript");
const transcriptEmail = $<HTMLInputElement>("transcript-email");
const transcriptStatus = $("transcript-status");
const verdict = $("verdict");

const KEY = "sohbet." + config.inbox;
const OUTBOX = KEY + ".outbox";
const SEEN = KEY + ".seen";
const ALLOWED_TYPES = ["image/png", "image/jpeg", "image/gif", "image/webp", "application/pdf"];
const parentOrigin = /^https?:\/\/[^/]+$/.test(config.parentOrigin) ? config.parentOrigin : "";

// Storage can throw in third-party frames when the browser blocks it; the chat then lives for the page only.
const memory: Record<string, string> = {};
const store = {
  get: (key: string): string | null => {
    try {
      return localStorage.getItem(key);
    } catch {
      return key in memory ? memory[key] : null;
    }
  },
  set: (key: string, value: string | null) => {
    try {
      if (value == null) localStorage.removeItem(key);
      else localStorage.setItem(key, value);
    } catch {
      if (value == null) delete memory[key];
      else memory[key] = value;
    }
  },
};

let token = store.get(KEY);
let identity: string | null = null;
// The page's marketplace seller: the server uses it only to route a new conversation (ADR 32).
let seller = config.seller || null;
let initialised = false;
let socket: WebSocket | undefined;
let welcomed = false;
let verified = false;
let resetting = false;
let synced = false;
let attempt = 0;
let reconnectTimer = 0;
let pingTimer = 0;
let lastSeq = 0;
let helloAfter = 0;
let seenSent = Number(store.get(SEEN)) || 0;
let agentSeen = 0;
let unreadPosted = -1;
let status = "open";
let rated = false;
let hasConversation = false;
let profile: { name: string; email: string } | null = null;
let isOpen = false;
let typingSentAt = 0;
let typingTimer = 0;
let agentTypingTimer = 0;
let chosenRating = 0;
// Nobody can answer now (docs/protocol.md, welcome.openNow): messages are left for an answer by email.
let offline = false;
let hasEmail = false;
// The FAQ bot's latest answer waits for the visitor's verdict (ADR 0023): it spoke since the last hand-off,
// resolution or agent message.
let botAsks = false;
const shown = new Map<number, HTMLLIElement>();
const pending = new Map<string, HTMLLIElement>();
let outbox: Outgoing[] = [];
try {
  outbox = JSON.parse(store.get(OUTBOX) || "[]");
} catch {
  outbox = [];
}

const uuid = (): string => {
  if (crypto.randomUUID) return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 15) | 64;
  b[8] = (b[8] & 63) | 128;
  const h = Array.from(b, (x) => (x + 256).toString(16).slice(1)).join("");
  return h.slice(0, 8) + "-" + h.slice(8, 12) + "-" + h.slice(12, 16) + "-" + h.slice(16, 20) + "-" + h.slice(20);
};

const toParent = (message: Record<string, unknown>) => {
  if (parentOrigin && parent !== window) parent.postMessage({ ...message, sohbet: 1 }, parentOrigin);
};

const send = (frame: Record<string, unknown>) => {
  if (socket && socket.readyState === WebSocket.OPEN) {
    socket.send(JSON.stringify(frame));
    return true;
  }
  return false;
};

const saveOutbox = () => store.set(OUTBOX, outbox.length ? JSON.stringify(outbox) : null);

const showError = (text: string) => {
  errorLine.textContent = text;
  errorLine.hidden = !text;
};

// ---- rendering: text only, links only for safe schemes ----

const el = <K extends keyof HTMLElementTagNameMap>(tag: K, cls?: string, text?: string) => {
  const node = d.createElement(tag);
  if (cls) node.className = cls;
  if (text != null) node.textContent = text;
  return node;
};

const link = (href: string, label: string) => {
  const a = el("a", "", label);
  a.href = href;
  a.target = "_blank";
  a.rel = "noopener noreferrer nofollow";
  return a;
};

const renderText = (parent: HTMLElement, text: string) => {
  for (const [label, href] of linkPieces(text)) parent.append(href ? link(href, label) : label);
};

const timeFormat = (() => {
  try {
    return new Intl.DateTimeFormat(config.lang, { hour: "numeric", minute: "2-digit" });
  } catch {
    return null;
  }
})();

const sizeText = (bytes: number) =>
  bytes < 1024 ? bytes + " B" : bytes < 1048576 ? Math.round(bytes / 1024) + " KB" : (bytes / 1048576).toFixed(1) + " MB";

const bubble = (m: ChatMessage): HTMLLIElement => {
  if (m.kind === "activity") {
    const li = el("li", "activity", texts[m.activity || ""] || "") as HTMLLIElement;
    li.hidden = !li.textContent;
    return li;
  }
  const li = el("li", "msg " + (m.author === "visitor" ? "mine" : m.author));
  // The assistant is named by the frame's own label, so it is never mistaken for a person.
  if (m.author !== "visitor") li.append(el("span", "who", m.author === "assistant" ? t("assistant") : m.authorName || t("agent")));
  const body = el("div", "body");
  body.dir = "auto";
  if (m.kind === "attachment" && m.attachment) {
    const file = m.attachment;
    const href = safeUrl(new URL(file.url, location.href).href);
    if (href && /^image\/(png|jpeg|gif|webp)$/.test(file.type)) {
      const a = link(href, "");
      const img = el("img");
      img.src = href;
      img.alt = file.name;
      img.loading = "lazy";
      a.append(img);
      body.append(a);
    } else if (href) {
      body.append(link(href, file.name + " (" + sizeText(file.size) + ")"));
    } else {
      body.textContent = file.name;
    }
  } else {
    renderText(body, m.text || "");
  }
  li.append(body);
  const meta = el("span", "meta");
  if (m.at && timeFormat) {
    const time = el("time", "", timeFormat.format(new Date(m.at)));
    time.dateTime = m.at;
    meta.append(time);
  }
  li.append(meta);
  return li as HTMLLIElement;
};

const setMeta = (li: HTMLLIElement, text: string) => {
  let note = li.querySelector(".note");
  if (!note) note = li.querySelector(".meta")!.appendChild(el("span", "note"));
  note.textContent = text;
};

const scrollDown = () => {
  log.scrollTop = log.scrollHeight;
};

const insert = (li: HTMLLIElement, seq: number) => {
  li.dataset.seq = String(seq);
  // Catch-up and live frames arrive in order; pending bubbles stay last until acknowledged.
  let before: Element | null = null;
  for (const child of Array.from(log.children) as HTMLElement[]) {
    const other = Number(child.dataset.seq || Infinity);
    if (other > seq) {
      before = child;
      break;
    }
  }
  log.insertBefore(li, before);
};

const markSeen = () => {
  let last: HTMLLIElement | undefined;
  for (const [seq, li] of shown) {
    if (li.classList.contains("mine") && seq <= agentSeen) {
      li.classList.add("seen");
      last = li;
    }
  }
  for (const note of Array.from(log.querySelectorAll(".seen .note"))) note.textContent = "";
  if (last) setMeta(last, t("seen"));
};

const updateUnread = () => {
  let count = 0;
  if (!isOpen) {
    for (const [seq, li] of shown) if (seq > seenSent && !li.classList.contains("mine")) count++;
  }
  if (count !== unreadPosted) {
    unreadPosted = count;
    toParent({ type: "unread", count });
  }
};

const sendSeen = () => {
  // Only after the catch-up: one seen per catch-up message would trip the server's frame-rate limit.
  if (isOpen && d.visibilityState === "visible" && lastSeq > seenSent && synced) {
    if (send({ type: "seen", seq: lastSeq })) {
      seenSent = lastSeq;
      store.set(SEEN, String(seenSent));
    }
  }
  updateUnread();
};

const showVerdict = () => {
  verdict.hidden = !botAsks;
};

const showRating = () => {
  rating.hidden = !(status === "resolved" && !rated && hasConversation);
  transcriptForm.hidden = !(config.transcriptUrl && hasConversation);
};

const onMessage = (m: ChatMessage) => {
  if (typeof m.seq !== "number" || (shown.has(m.seq) && !shown.get(m.seq)!.dataset.provisional)) return;
  hasConversation = true;
  showRating();
  const li = bubble(m);
  const old = shown.get(m.seq) || (m.clientId ? pending.get(m.clientId) : undefined);
  if (m.clientId) {
    pending.delete(m.clientId);
    settle(m.clientId);
  }
  if (old) old.replaceWith(li);
  li.dataset.seq = String(m.seq);
  if (!old) insert(li, m.seq);
  shown.set(m.seq, li);
  lastSeq = Math.max(lastSeq, m.seq);
  if (m.status) status = m.status;
  if (m.kind === "activity") {
    if (m.activity === "rated") {
      rated = true;
      $("thanks").hidden = false;
    }
    if (m.activity === "reopened") rated = false;
  }
  if (m.author === "agent") {
    setTyping(false);
    showQueue();
  }
  if (m.author === "assistant" && m.kind === "text") botAsks = true;
  else if (m.author === "agent" || m.activity === "handed_off" || m.status === "resolved") botAsks = false;
  showVerdict();
  showRating();
  prechat.hidden = true;
  markSeen();
  scrollDown();
  sendSeen();
};

const setTyping = (on: boolean) => {
  $("typing").hidden = !on;
  clearTimeout(agentTypingTimer);
  // A lost "typing off" must not leave the indicator up forever.
  if (on) agentTypingTimer = window.setTimeout(() => setTyping(false), 15000);
};

const clearHistory = () => {
  log.textContent = "";
  shown.clear();
  pending.clear();
  lastSeq = 0;
  agentSeen = 0;
  hasConversation = false;
  rated = false;
  status = "open";
  botAsks = false;
  showVerdict();
  $("thanks").hidden = true;
  showRating();
  // What the visitor typed and has not been acknowledged stays visible; it is sent in the new session.
  for (const item of outbox) pendingBubble(item.clientId, item.text);
};

const pendingBubble = (clientId: string, text: string) => {
  const li = bubble({ seq: 0, kind: "text", author: "visitor", text });
  li.dataset.clientId = clientId;
  li.classList.add("pending");
  setMeta(li, t("sending"));
  log.append(li);
  pending.set(clientId, li);
  scrollDown();
  return li;
};

const failBubble = (clientId: string, reason: string, retry: boolean) => {
  const li = pending.get(clientId);
  if (!li) return;
  li.classList.replace("pending", "failed");
  setMeta(li, t("failed"));
  const note = li.querySelector(".note")!;
  if (retry) {
    const again = el("button", "retry", t("retry"));
    again.type = "button";
    again.onclick = () => {
      const item = { clientId, text: li.querySelector(".body")!.textContent || "" };
      again.remove();
      li.classList.replace("failed", "pending");
      note.textContent = t("sending");
      outbox.push(item);
      saveOutbox();
      if (synced) sendItem(item);
    };
    note.after(again);
  }
  showError(t(reason));
};

// The message is stored (its ack, or the message itself, came back). A left message is confirmed.
const settle = (clientId: string) => {
  const item = outbox.find((o) => o.clientId === clientId);
  if (item && item.email) {
    hasEmail = true;
    $("left").hidden = false;
    $<HTMLTextAreaElement>("leave-text").value = "";
    layout();
  }
  outbox = outbox.filter((o) => o.clientId !== clientId);
  saveOutbox();
};

const sendItem = (item: Outgoing) =>
  send(offline || item.email ? { type: "leave", ...item } : { type: "send", clientId: item.clientId, text: item.text });

const flushOutbox = () => {
  if (profile && send({ type: "profile", ...profile })) profile = null;
  for (const item of outbox) sendItem(item);
};

// The form stands in for the composer while nobody can answer and there is no email to answer to.
const layout = () => {
  const form = offline && !hasEmail;
  leaveForm.hidden = !form;
  composer.hidden = form;
  $("away").hidden = !offline;
  if (offline) prechat.hidden = true;
  queueLine.hidden = offline || !queueLine.textContent;
};

const number = (n: number, options?: object) => {
  try {
    return new Intl.NumberFormat(config.lang, options).format(n);
  } catch {
    return String(n);
  }
};

const showQueue = (position?: number | null, eta?: number | null) => {
  let text = "";
  if (position) {
    text = t("queue").replace("{0}", number(position));
    if (eta != null) {
      const minutes = number(Math.max(1, Math.round(eta / 60)), { style: "unit", unit: "minute", unitDisplay: "long" });
      text += " " + t("queue_eta").replace("{0}", minutes);
    }
  }
  // A status region is read out on change; the same place again stays quiet.
  if (queueLine.textContent !== text) queueLine.textContent = text;
  layout();
};

// ---- socket ----

const onFrame = (frame: any) => {
  switch (frame.type) {
    case "welcome": {
      const changed = frame.token !== token;
      welcomed = true;
      $("state").hidden = true;
      attach.disabled = false;
      // A verified customer's session is kept in memory only, so a shared computer that signs out
      // does not resume it; the anonymous token is what the spec keeps in storage.
      token = frame.token;
      verified = !!frame.verified;
      store.set(KEY, verified ? null : token);
      if (changed) {
        const after = helloAfter;
        clearHistory();
        if (after > 0) {
          // The catch-up went out from the old session's sequence; ask again from the start.
          helloAfter = 0;
          resetting = true;
          socket!.close();
          return;
        }
      }
      const c: Conversation | null = frame.conversation;
      hasConversation = !!c;
      if (c) {
        status = c.status;
        rated = c.rating != null;
        agentSeen = c.agentSeenSeq || 0;
      }
      prechat.hidden = !(config.preChat && !c && !frame.verified && !profile);
      offline = frame.openNow === false;
      hasEmail = !!frame.email;
      if (frame.away) $("away").textContent = frame.away;
      layout();
      showRating();
      break;
    }
    case "queue":
      showQueue(frame.position, frame.etaSeconds);
      break;
    case "ack": {
      onAck(frame);
      break;
    }
    case "message":
      onMessage(frame);
      break;
    case "synced":
      synced = true;
      attempt = 0;
      flushOutbox();
      markSeen();
      sendSeen();
      break;
    case "typing":
      setTyping(!!frame.on);
      break;
    case "seen":
      agentSeen = Math.max(agentSeen, Number(frame.seq) || 0);
      markSeen();
      break;
    case "error":
      onError(frame);
      break;
    case "push":
      onPush(frame);
      break;
    case "show":
      toParent({ type: "show" });
      break;
  }
};

const onAck = (frame: { clientId: string; seq: number }) => {
  settle(frame.clientId);
  const li = pending.get(frame.clientId);
  pending.delete(frame.clientId);
  if (!li) return;
  if (shown.has(frame.seq)) {
    li.remove();
  } else {
    li.classList.remove("pending");
    li.dataset.provisional = "1";
    li.querySelector(".note")!.textContent = "";
    li.dataset.seq = String(frame.seq);
    shown.set(frame.seq, li);
    hasConversation = true;
  }
};

const onError = (frame: { code: string; message?: string; clientId?: string }) => {
  const code = frame.code;
  if (frame.clientId) {
    outbox = outbox.filter((o) => o.clientId !== frame.clientId);
    saveOutbox();
    if (code === "bad_email" || code === "offline_email") {
      // Back to the form, which still holds what was typed.
      pending.get(frame.clientId)?.remove();
      pending.delete(frame.clientId);
      hasEmail = false;
      layout();
      return showError(t(code));
    }
    failBubble(frame.clientId, code, code !== "too_long" && code !== "empty" && code !== "conflict");
    return;
  }
  if (code === "unknown_inbox") {
    attempt = -1;
    socket && socket.close();
  }
  if (texts[code]) showError(t(code));
  else console.warn("Sohbet:", code, frame.message || "");
};

const connect = () => {
  clearTimeout(reconnectTimer);
  if (socket || attempt < 0) return;
  const ws = new WebSocket((location.protocol === "https:" ? "wss://" : "ws://") + location.host + config.socketPath);
  socket = ws;
  ws.onopen = () => {
    helloAfter = lastSeq;
    send({ type: "hello", inbox: config.inbox, token, identity, lang: config.lang, after: lastSeq, seller, visitor: pageVisitor });
    pingTimer = window.setInterval(() => send({ type: "ping" }), 25000);
  };
  ws.onmessage = (event) => {
    try {
      onFrame(JSON.parse(event.data));
    } catch (e) {
      console.warn("Sohbet:", e);
    }
  };
  ws.onclose = () => {
    clearInterval(pingTimer);
    socket = undefined;
    welcomed = synced = false;
    attach.disabled = true;
    if (attempt < 0) return;
    $("state").hidden = resetting;
    // Full jitter: a restart of the server must not bring every widget back in the same second.
    const delay = resetting ? 0 : Math.random() * Math.min(30000, 500 * 2 ** attempt);
    resetting = false;
    attempt++;
    reconnectTimer = window.setTimeout(connect, delay);
  };
};

addEventListener("online", () => {
  if (!socket && attempt >= 0) {
    attempt = 0;
    connect();
  }
});

// ---- proactive invitations and pushed pages (ADR 33, ADR 41) ----

const pushTexts = $("push-texts").dataset;
// The loader's tracking key, so that the server can tell which tracked visitor this chat is (ADR 33).
const pageVisitor = ((v) => (v && /^[A-Za-z0-9_-]{8,64}$/.test(v) ? v : null))(
  new URLSearchParams(location.search).get("vid"),
);

const showInvitation = (text: unknown) => {
  if (typeof text !== "string" || !text) return;
  const li = el("li", "msg agent invite");
  li.append(el("span", "who", pushTexts.invite || t("agent")));
  const body = el("div", "body", text);
  body.dir = "auto";
  li.append(body);
  log.append(li);
  scrollDown();
};

const navigate = (url: string) => toParent({ type: "navigate", url });

const onPush = (frame: { kind: string; url: string; name?: string; price?: string; image?: string; navigate?: boolean }) => {
  const url = safeUrl(frame.url || "");
  if (!url || !/^https?:/.test(url)) return;
  toParent({ type: "show" });
  if (frame.kind === "page" && frame.navigate) {
    navigate(url);
    return;
  }
  const li = el("li", "msg agent card");
  const body = el("div", "body");
  const image = frame.image ? safeUrl(frame.image) : null;
  if (frame.kind === "product" && image && /^https?:/.test(image)) {
    const img = el("img");
    img.src = image;
    img.alt = frame.name || "";
    img.loading = "lazy";
    body.append(img);
  }
  if (frame.name) body.append(el("strong", "name", frame.name));
  if (frame.price) body.append(el("span", "price", frame.price));
  const button = el("button", "open", frame.kind === "page" ? pushTexts.open : pushTexts.view) as HTMLButtonElement;
  button.type = "button";
  button.addEventListener("click", () => navigate(url));
  body.append(button);
  li.append(body);
  log.append(li);
  scrollDown();
};

// ---- loader messages ----

addEventListener("message", (event) => {
  const m = event.data;
  if (event.source !== parent || event.origin !== parentOrigin || !m || m.sohbet !== 1) return;
  switch (m.type) {
    case "open":
      isOpen = true;
      if (typeof m.url === "string") pageUrl = m.url;
      if (m.focus) input.focus();
      sendSeen();
      break;
    case "close":
      isOpen = false;
      stopTyping();
      updateUnread();
      break;
    case "identify": {
      const next = typeof m.token === "string" && m.token ? m.token : null;
      const changed = next !== identity;
      identity = next;
      if (!initialised) {
        initialised = true;
        connect();
      } else if (changed) {
        // Another customer (or none): nothing typed for the previous one may be sent as this one.
        outbox = [];
        saveOutbox();
        for (const li of pending.values()) li.remove();
        pending.clear();
        // A verified session is never resumed under another identity, nor anonymously.
        if (verified) token = null;
        if (welcomed) send({ type: "identify", identity });
      }
      break;
    }
    case "track":
      if (m.props && typeof m.props.seller === "string" && m.props.seller !== seller) {
        seller = m.props.seller;
        if (welcomed) send({ type: "seller", seller });
      }
      break;
    case "invite":
      showInvitation(m.text);
      break;
    case "locale":
      if (typeof m.lang === "string" && m.lang !== config.lang) {
        const url = new URL(location.href);
        url.searchParams.set("lang", m.lang);
        location.replace(url.href);
      }
      break;
  }
});

// ---- composer ----

const stopTyping = () => {
  clearTimeout(typingTimer);
  if (typingSentAt) send({ type: "typing", on: false });
  typingSentAt = 0;
};

input.addEventListener("input", () => {
  const now = Date.now();
  if (now - typingSentAt > 3000 && input.value.trim() && send({ type: "typing", on: true })) typingSentAt = now;
  clearTimeout(typingTimer);
  typingTimer = window.setTimeout(stopTyping, 3000);
});

input.addEventListener("keydown", (event) => {
  if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
    event.preventDefault();
    composer.requestSubmit();
  }
});

const takeProfile = () => {
  if (prechat.hidden) return;
  const name = $<HTMLInputElement>("name").value.trim();
  const email = $<HTMLInputElement>("email").value.trim();
  if (name || email) profile = { name, email };
  prechat.hidden = true;
};

composer.addEventListener("submit", (event) => {
  event.preventDefault();
  const text = input.value;
  if (!text.trim()) return;
  stopTyping();
  showError("");
  takeProfile();
  const item = { clientId: uuid(), text };
  outbox.push(item);
  saveOutbox();
  pendingBubble(item.clientId, text);
  input.value = "";
  if (synced) flushProfileThen(item);
});

const flushProfileThen = (item: Outgoing) => {
  if (profile && send({ type: "profile", ...profile })) profile = null;
  sendItem(item);
};

leaveForm.addEventListener("submit", (event) => {
  event.preventDefault();
  const value = (id: string) => $<HTMLInputElement>(id).value.trim();
  const text = value("leave-text");
  if (!text) return;
  showError("");
  const item: Outgoing = { clientId: uuid(), text, name: value("leave-name"), email: value("leave-email") };
  outbox.push(item);
  saveOutbox();
  pendingBubble(item.clientId, text);
  leaveForm.hidden = true;
  if (synced) sendItem(item);
});

attach.addEventListener("click", () => fileInput.click());

fileInput.addEventListener("change", () => {
  const file = fileInput.files && fileInput.files[0];
  fileInput.value = "";
  if (!file) return;
  showError("");
  if (ALLOWED_TYPES.indexOf(file.type) < 0) return showError(t("file_type"));
  if (file.size > config.maxFileBytes) return showError(t("file_size"));
  const clientId = uuid();
  pendingBubble(clientId, file.name);
  const form = new FormData();
  form.append("file", file);
  form.append("clientId", clientId);
  if (seller) form.append("seller", seller);
  fetch(config.attachmentsUrl, { method: "POST", headers: { Authorization: "Bearer " + token }, body: form })
    .then((response) => {
      if (response.ok) return response.json().then(onMessage);
      failBubble(
        clientId,
        response.status === 413 ? "file_size" : response.status === 415 ? "file_type" : response.status === 429 ? "rate_limited" : "upload",
        false,
      );
    })
    .catch(() => failBubble(clientId, "upload", false));
});

// ---- the FAQ bot's question ----

for (const button of Array.from(verdict.querySelectorAll<HTMLButtonElement>("[data-answer]"))) {
  button.addEventListener("click", () => {
    if (send({ type: "bot", answer: button.dataset.answer })) {
      botAsks = false;
      showVerdict();
      input.focus();
    }
  });
}

// ---- help view: search and suggested articles, read inside the frame ----

const main = d.querySelector("main")!;
const help = $("help");
const helpToggle = $<HTMLButtonElement>("help-toggle");
const helpQuery = $<HTMLInputElement>("help-q");
const helpLists = $("help-lists");
const helpList = $("help-list");
const helpTitle = $("help-list-title");
const helpStatus = $("help-status");
const helpArticle = $("help-article");
let pageUrl = "";

interface HelpArticle {
  id: number;
  title: string;
  summary?: string | null;
  path: string;
  html?: string | null;
}

const helpApi = (path: string, params: Record<string, string>) =>
  fetch(path + "?" + new URLSearchParams({ inbox: config.inbox, lang: config.lang, ...params })).then((r) =>
    r.ok ? r.json() : Promise.reject(r.status),
  );

const helpFailed = () => {
  helpStatus.textContent = t("help_error");
};

const listArticles = (title: string, articles: HelpArticle[], sayNone: boolean) => {
  helpArticle.hidden = true;
  helpLists.hidden = false;
  helpTitle.textContent = title;
  helpTitle.hidden = !articles.length;
  helpList.textContent = "";
  for (const a of articles) {
    const li = el("li");
    const open = el("button", "link", a.title);
    open.type = "button";
    open.onclick = () => openArticle(a.id);
    li.append(open);
    if (a.summary) li.append(el("p", "summary", a.summary));
    helpList.append(li);
  }
  helpStatus.textContent = articles.length || !sayNone ? "" : t("help_none");
};

const openArticle = (id: number) =>
  helpApi("/widget/help/articles/" + id, {})
    .then((a: HelpArticle) => {
      helpLists.hidden = true;
      helpArticle.hidden = false;
      const heading = $("help-article-title");
      heading.textContent = a.title;
      // The body is the help center's sanitized HTML (ADR 0021); its links leave the frame.
      const body = $("help-article-body");
      body.innerHTML = a.html || "";
      for (const link of Array.from(body.querySelectorAll("a"))) {
        link.target = "_blank";
        link.rel = "noopener noreferrer";
      }
      $<HTMLAnchorElement>("help-article-link").href = a.path;
      heading.focus();
    })
    .catch(helpFailed);

const showHelp = (on: boolean) => {
  main.classList.toggle("helping", on);
  help.hidden = !on;
  helpToggle.setAttribute("aria-expanded", String(on));
  helpToggle.textContent = t(on ? "help_chat" : "help_open");
  if (!on) return input.focus();
  helpQuery.focus();
  helpApi("/widget/help/suggested", { url: pageUrl })
    .then((r) => listArticles(t("help_suggested"), r.articles, false))
    .catch(helpFailed);
};

helpToggle.addEventListener("click", () => showHelp(!main.classList.contains("helping")));
$("help-back").addEventListener("click", () => {
  helpArticle.hidden = true;
  helpLists.hidden = false;
  helpQuery.focus();
});
$<HTMLFormElement>("help-search").addEventListener("submit", (event) => {
  event.preventDefault();
  const q = helpQuery.value.trim();
  if (!q) return;
  helpApi("/widget/help/search", { q })
    .then((r) => listArticles(t("help_results"), r.articles, true))
    .catch(helpFailed);
});

// ---- rating ----

for (const star of Array.from(rating.querySelectorAll<HTMLButtonElement>("[data-rating]"))) {
  star.setAttribute("aria-pressed", "false");
  star.addEventListener("click", () => {
    chosenRating = Number(star.dataset.rating);
    for (const other of Array.from(rating.querySelectorAll<HTMLElement>("[data-rating]"))) {
      other.setAttribute("aria-pressed", String(Number(other.dataset.rating) <= chosenRating));
    }
  });
}

rating.addEventListener("submit", (event) => {
  event.preventDefault();
  if (!chosenRating) return;
  const comment = $<HTMLTextAreaElement>("comment").value.trim();
  if (send({ type: "rate", rating: chosenRating, ...(comment ? { comment } : {}) })) {
    rated = true;
    showRating();
    $("thanks").hidden = false;
  }
});

// ---- transcript by mail ----

// Without an email on the contact the form first asks for one; the server validates it and keeps an existing one.
const transcriptText = (key: string) => transcriptForm.dataset[key] || t("generic");
transcriptForm.addEventListener("submit", (event) => {
  event.preventDefault();
  if (!config.transcriptUrl || !token) return;
  const email = transcriptEmail.value.trim();
  if (!hasEmail && transcriptEmail.hidden) {
    transcriptEmail.hidden = false;
    $("transcript-email-label").hidden = false;
    transcriptEmail.required = true;
    transcriptEmail.focus();
    return;
  }
  if (!hasEmail && !transcriptEmail.checkValidity()) {
    transcriptStatus.textContent = transcriptText("bad");
    transcriptStatus.hidden = false;
    return;
  }
  const body = new URLSearchParams({ lang: config.lang });
  if (!hasEmail) body.set("email", email);
  fetch(config.transcriptUrl, { method: "POST", headers: { Authorization: "Bearer " + token }, body })
    .then((response) =>
      response.json().then((answer: { error?: string }) => {
        if (response.ok) {
          hasEmail = true;
          transcriptEmail.hidden = true;
          $("transcript-email-label").hidden = true;
          transcriptStatus.textContent = transcriptText("sent");
        } else {
          const code = answer.error || "";
          transcriptStatus.textContent = transcriptText(
            code === "rate_limited" ? "limited" : code === "bad_email" || code === "need_email" ? "bad" : "failed",
          );
        }
        transcriptStatus.hidden = false;
      }),
    )
    .catch(() => {
      transcriptStatus.textContent = transcriptText("failed");
      transcriptStatus.hidden = false;
    });
});

// ---- start ----

$("heading").textContent = config.greeting || t("greeting");
if (config.replyTime) {
  $("reply").textContent = config.replyTime;
  $("reply").hidden = false;
}
$("close").addEventListener("click", () => toParent({ type: "close" }));
addEventListener("keydown", (event) => {
  if (event.key === "Escape") toParent({ type: "close" });
});
d.addEventListener("visibilitychange", sendSeen);
for (const item of outbox) pendingBubble(item.clientId, item.text);

if (parentOrigin && parent !== window) {
  toParent({ type: "ready" });
  // A loader answers "ready" with identify at once; without one (an old loader) the frame still connects.
  setTimeout(() => {
    if (!initialised) {
      initialised = true;
      connect();
    }
  }, 3000);
} else {
  initialised = true;
  connect();
}
