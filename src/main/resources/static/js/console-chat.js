// The console's live side: one socket to /ws/agent (docs/protocol.md) that keeps the conversation list fresh, follows
// the open conversation, sends replies with client ids, and announces new conversations. Messages are rendered by
// the server (fetched as HTML fragments), so escaping lives in one place.
(function () {
  "use strict";

  if (!document.body || !document.body.classList.contains("console")) {
    return;
  }

  var socket = null;
  var attempt = 0;
  var watching = null; // { id, lastSeq }
  var pending = {}; // clientId -> text, until acked
  var listTimer = null;
  var typingSent = 0;
  var typingOff = null;
  var typingShown = null;
  var me = null; // this agent's id, from the welcome frame
  var notify = {}; // event kind -> sound | browser | both | none
  var viewers = {}; // agent id -> { name, state } in the watched conversation
  var activeSent = 0;
  // A pane of the split view (ADR 0038): one conversation in a frame of the console page, which announces for it.
  var embedded = document.body.classList.contains("pane-frame");

  function uuid() {
    if (window.crypto && crypto.randomUUID) {
      return crypto.randomUUID();
    }
    return "c" + Date.now().toString(36) + Math.random().toString(36).slice(2);
  }

  function send(frame) {
    if (socket && socket.readyState === WebSocket.OPEN) {
      socket.send(JSON.stringify(frame));
      return true;
    }
    return false;
  }

  function connect() {
    var scheme = location.protocol === "https:" ? "wss://" : "ws://";
    socket = new WebSocket(scheme + location.host + "/ws/agent");
    socket.onopen = function () {
      attempt = 0;
      document.body.removeAttribute("data-socket-down");
      bind();
      refreshList();
    };
    socket.onmessage = function (event) {
      var frame;
      try {
        frame = JSON.parse(event.data);
      } catch (e) {
        return;
      }
      receive(frame);
    };
    socket.onclose = function () {
      document.body.setAttribute("data-socket-down", "true");
      socket = null;
      if (watching) {
        watching.subscribed = false;
      }
      // Exponential backoff with full jitter, so a restarted server is not hit by every console at once.
      var delay = Math.random() * Math.min(30000, 500 * Math.pow(2, attempt++));
      setTimeout(connect, delay);
    };
  }

  function receive(frame) {
    switch (frame.type) {
      case "welcome":
        me = frame.agent;
        notify = frame.notify || {};
        break;
      case "conversation":
        scheduleListRefresh();
        if (!embedded) {
          noticeFor(frame);
        }
        if (watching && frame.id === watching.id && frame.event === "labels") {
          refreshHeader();
        }
        break;
      case "presence":
        refreshPresence();
        break;
      case "mention":
        if (embedded) {
          break;
        }
        announce("mention", frame.conversation,
          (document.body.dataset.noticeMention || "{0}").replace("{0}", frame.by || ""), frame.text || "");
        break;
      case "viewer":
        if (watching && frame.conversation === watching.id && frame.agent !== me) {
          if (frame.state === "left") {
            delete viewers[frame.agent];
          } else {
            var known = viewers[frame.agent];
            viewers[frame.agent] = { name: frame.name, state: frame.state };
            if (!known && frame.state === "viewing") {
              // Say hello back, so the newcomer sees us too.
              send({ type: "active", conversation: watching.id });
              send({ type: "typing", conversation: watching.id, on: false });
            }
          }
          showViewers();
        }
        break;
      case "queue":
        break;
      case "note":
      case "message":
        if (watching && frame.conversation === watching.id && frame.seq > watching.lastSeq) {
          appendAfter(watching.lastSeq);
          // The split view flags a pane that is not focused (console-panes.js).
          document.dispatchEvent(new CustomEvent("sohbet:message",
            { detail: { conversation: frame.conversation, author: frame.author, kind: frame.kind } }));
          if (frame.kind === "activity") {
            refreshHeader();
          }
        }
        break;
      case "typing":
        if (watching && frame.conversation === watching.id && frame.author === "visitor") {
          showTyping(frame.on);
        }
        break;
      case "seen":
        if (watching && frame.conversation === watching.id && frame.author === "visitor") {
          var messages = document.getElementById("messages");
          if (messages) {
            messages.setAttribute("data-visitor-seen", String(frame.seq));
            showSeen();
          }
        }
        break;
      case "ack":
        var form = document.getElementById("reply");
        if (pending[frame.clientId] !== undefined) {
          delete pending[frame.clientId];
          if (form) {
            form.querySelector("textarea").value = "";
            form.removeAttribute("aria-busy");
          }
        }
        break;
      case "error":
        if (frame.clientId && pending[frame.clientId] !== undefined) {
          delete pending[frame.clientId];
          var replyForm = document.getElementById("reply");
          if (replyForm) {
            replyForm.removeAttribute("aria-busy");
            showReplyError(frame.message || frame.code);
          }
        }
        break;
    }
  }

  function scheduleListRefresh() {
    clearTimeout(listTimer);
    listTimer = setTimeout(refreshList, 150);
  }

  function refreshList() {
    var list = document.getElementById("conversation-list");
    if (!list || !window.htmx) {
      return;
    }
    var url = "/console/inbox/list?" + (list.getAttribute("data-query") || "");
    if (list.getAttribute("data-selected")) {
      url += "&selected=" + encodeURIComponent(list.getAttribute("data-selected"));
    }
    htmx.ajax("GET", url, { target: "#conversation-list", swap: "outerHTML" });
  }

  var presenceTimer = null;

  function refreshPresence() {
    clearTimeout(presenceTimer);
    presenceTimer = setTimeout(function () {
      if (document.getElementById("team-presence") && window.htmx) {
        htmx.ajax("GET", "/console/inbox/presence", { target: "#team-presence", swap: "outerHTML" });
      }
    }, 200);
  }

  // The collision notice: who else is viewing or typing in this conversation.
  function showViewers() {
    var line = document.getElementById("collision");
    if (!line) {
      return;
    }
    var typing = [];
    var viewing = [];
    Object.keys(viewers).forEach(function (id) {
      (viewers[id].state === "typing" ? typing : viewing).push(viewers[id].name);
    });
    var parts = [];
    if (typing.length) {
      parts.push((line.getAttribute("data-typing") || "{0}").replace("{0}", typing.join(", ")));
    }
    if (viewing.length) {
      parts.push((line.getAttribute("data-viewing") || "{0}").replace("{0}", viewing.join(", ")));
    }
    line.textContent = parts.join(" ");
    line.hidden = parts.length === 0;
  }

  function refreshHeader() {
    if (!watching || !window.htmx) {
      return;
    }
    htmx.ajax("GET", "/console/conversations/" + watching.id + "/header",
      { target: "#conversation-header", swap: "outerHTML" });
  }

  var fetching = false;
  var fetchAgain = false;

  // Fetches the server-rendered messages after the last one shown; a burst of frames makes one request at a time.
  function appendAfter() {
    if (fetching) {
      fetchAgain = true;
      return;
    }
    fetching = true;
    var current = watching;
    fetch("/console/conversations/" + current.id + "/messages?after=" + current.lastSeq, {
      headers: { "HX-Request": "true" },
      credentials: "same-origin"
    }).then(function (response) {
      if (response.status === 401) {
        location.reload();
        return "";
      }
      return response.ok ? response.text() : "";
    }).then(function (html) {
      var list = document.getElementById("messages");
      if (html && list && watching === current) {
        var template = document.createElement("template");
        template.innerHTML = html;
        template.content.querySelectorAll("li[data-seq]").forEach(function (item) {
          var seq = Number(item.getAttribute("data-seq"));
          if (seq > current.lastSeq && !list.querySelector('li[data-seq="' + seq + '"]')) {
            list.appendChild(item);
            current.lastSeq = seq;
          }
        });
        list.scrollTop = list.scrollHeight;
        markSeen();
        showSeen();
      }
    }).finally(function () {
      fetching = false;
      if (fetchAgain) {
        fetchAgain = false;
        appendAfter();
      }
    });
  }

  function markSeen() {
    // A pane beside others is read once the agent is in it, not merely because the page is visible.
    if (embedded && !document.hasFocus()) {
      return;
    }
    if (watching && document.visibilityState === "visible" && watching.lastSeq > 0) {
      send({ type: "seen", conversation: watching.id, seq: watching.lastSeq });
      // The open conversation is read now; its line in the list says so without waiting for the next refresh.
      var line = document.querySelector('#conversation-list li[data-id="' + watching.id + '"]');
      if (line) {
        line.classList.remove("unread");
        var mark = line.querySelector(".unread-mark");
        if (mark) {
          mark.remove();
        }
      }
    }
  }

  // Marks the last agent reply the visitor has seen, as the widget does for the visitor's own messages.
  function showSeen() {
    var list = document.getElementById("messages");
    if (!list) {
      return;
    }
    var seen = Number(list.getAttribute("data-visitor-seen") || 0);
    var last = null;
    list.querySelectorAll("li.message.agent[data-seq]").forEach(function (item) {
      if (Number(item.getAttribute("data-seq")) <= seen) {
        last = item;
      }
    });
    list.querySelectorAll(".seen-mark").forEach(function (mark) { mark.remove(); });
    if (last) {
      var mark = document.createElement("span");
      mark.className = "seen-mark";
      mark.textContent = list.getAttribute("data-seen-label") || "";
      last.appendChild(mark);
    }
  }

  function showTyping(on) {
    var line = document.getElementById("visitor-typing");
    if (!line) {
      return;
    }
    line.hidden = !on;
    clearTimeout(typingShown);
    if (on) {
      // A lost "typing off" must not leave the line up forever.
      typingShown = setTimeout(function () { line.hidden = true; }, 8000);
    }
  }

  function showReplyError(text) {
    var form = document.getElementById("reply");
    var error = form.querySelector(".error");
    if (!error) {
      error = document.createElement("p");
      error.className = "error";
      error.setAttribute("role", "alert");
      form.insertBefore(error, form.querySelector("button"));
    }
    error.textContent = text;
  }

  // Called after every page load and htmx swap: follow the conversation on the page, if any.
  function bind() {
    var article = document.getElementById("conversation");
    var id = article ? Number(article.getAttribute("data-id")) : null;
    if (watching && watching.id !== id) {
      send({ type: "unwatch", conversation: watching.id });
      watching = null;
      viewers = {};
      showViewers();
    }
    if (id && (!watching || !watching.subscribed)) {
      var lastSeq = watching ? watching.lastSeq : Number(article.getAttribute("data-last-seq") || 0);
      watching = { id: id, lastSeq: lastSeq, subscribed: false };
      if (send({ type: "watch", conversation: id, after: lastSeq })) {
        watching.subscribed = true;
      }
      var list = document.getElementById("messages");
      if (list) {
        list.scrollTop = list.scrollHeight;
      }
      markSeen();
      showSeen();
    }
    var form = document.getElementById("reply");
    if (form && !form.hasAttribute("data-live")) {
      form.setAttribute("data-live", "true");
      form.addEventListener("submit", onReply);
      var box = form.querySelector("textarea");
      box.addEventListener("input", onTyping);
      box.addEventListener("input", onCannedInput);
      box.addEventListener("keydown", function (event) {
        if (cannedKey(event)) {
          return;
        }
        if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
          event.preventDefault();
          form.requestSubmit();
        }
      });
    }
    var enable = document.getElementById("enable-notifications");
    if (enable && window.Notification && Notification.permission === "default") {
      enable.hidden = false;
      enable.onclick = function () {
        Notification.requestPermission().then(function () { enable.hidden = true; });
      };
    }
  }

  function onReply(event) {
    var form = event.target;
    var box = form.querySelector("textarea");
    var text = box.value;
    if (!watching || !text.trim()) {
      event.preventDefault();
      return;
    }
    var clientId = uuid();
    var mode = form.querySelector('input[name="mode"]:checked');
    var kind = mode && mode.value === "note" ? "note" : "send";
    if (send({ type: kind, conversation: watching.id, clientId: clientId, text: text })) {
      // Sent over the socket; the ack clears the box. Without a socket the form posts normally.
      event.preventDefault();
      pending[clientId] = text;
      form.setAttribute("aria-busy", "true");
      var error = form.querySelector(".error");
      if (error) {
        error.remove();
      }
      send({ type: "typing", conversation: watching.id, on: false });
      typingSent = 0;
      hideCanned();
    }
  }

  function onTyping() {
    if (!watching) {
      return;
    }
    var now = Date.now();
    if (now - typingSent > 3000) {
      typingSent = now;
      send({ type: "typing", conversation: watching.id, on: true });
    }
    clearTimeout(typingOff);
    typingOff = setTimeout(function () {
      typingSent = 0;
      if (watching) {
        send({ type: "typing", conversation: watching.id, on: false });
      }
    }, 3000);
  }

  // Which notice a list event deserves: a new chat in the queue, a chat given to this agent, or a new message in one
  // of this agent's chats (or an unassigned one). Each kind sounds and shows as the agent chose (Settings).
  function noticeFor(frame) {
    var strings = document.body.dataset;
    if (frame.author === "visitor" && frame.event === "created") {
      announce("queue", frame.id, strings.noticeNew || "New conversation", frame.preview || "");
    } else if (frame.author === "visitor" && frame.event === "message"
        && (frame.assignee === me || frame.assignee === null)) {
      announce("message", frame.id, strings.noticeMessage || "New message", frame.preview || "");
    } else if (frame.assignee === me && (frame.activity === "assigned" || frame.activity === "transferred")) {
      announce("assigned", frame.id, strings.noticeAssigned || "Assigned to you", "");
    }
  }

  // A short tone made on the spot (no audio file to fetch), and a notification whose text is plain text.
  function announce(kind, conversationId, title, body) {
    var viewing = watching && watching.id === conversationId && document.visibilityState === "visible";
    var way = notify[kind] || "both";
    if (viewing || way === "none") {
      return;
    }
    if (way === "sound" || way === "both") {
      beep(kind === "queue" ? 880 : kind === "mention" ? 990 : 660);
    }
    if ((way === "browser" || way === "both") && window.Notification && Notification.permission === "granted") {
      var note = new Notification(title, { body: body, tag: "sohbet-" + kind + "-" + conversationId });
      note.onclick = function () {
        window.focus();
        location.href = "/console/conversations/" + conversationId;
      };
    }
  }

  function beep(frequency) {
    try {
      var Audio = window.AudioContext || window.webkitAudioContext;
      if (Audio) {
        var audio = new Audio();
        var tone = audio.createOscillator();
        var gain = audio.createGain();
        tone.frequency.value = frequency;
        gain.gain.value = 0.08;
        tone.connect(gain);
        gain.connect(audio.destination);
        tone.start();
        tone.stop(audio.currentTime + 0.18);
        tone.onended = function () { audio.close(); };
      }
    } catch (e) {
      // Browsers may refuse sound before the first click; the notification still shows.
    }
  }

  // Saved replies: "/" and a shortcut at the start of the box lists matches; Enter or a click inserts the text, filled
  // in by the server for this conversation's contact and this agent.
  var cannedTimer = null;
  var cannedItems = [];
  var cannedIndex = -1;

  function onCannedInput(event) {
    var box = event.target;
    var match = /^\/([a-z0-9_-]{0,32})$/i.exec(box.value);
    clearTimeout(cannedTimer);
    if (!match || !watching) {
      hideCanned();
      return;
    }
    var current = watching;
    cannedTimer = setTimeout(function () {
      fetch("/console/canned?conversation=" + current.id + "&q=" + encodeURIComponent(match[1].toLowerCase()), {
        credentials: "same-origin"
      }).then(function (response) {
        return response.ok ? response.json() : { items: [] };
      }).then(function (data) {
        showCanned(data.items || []);
      });
    }, 120);
  }

  function showCanned(items) {
    var list = document.getElementById("canned-list");
    if (!list) {
      return;
    }
    cannedItems = items;
    cannedIndex = items.length ? 0 : -1;
    list.textContent = "";
    items.forEach(function (item, index) {
      var option = document.createElement("li");
      option.setAttribute("role", "option");
      option.id = "canned-" + index;
      var key = document.createElement("strong");
      key.textContent = "/" + item.shortcut;
      var text = document.createElement("span");
      text.textContent = " " + item.text;
      option.appendChild(key);
      option.appendChild(text);
      option.addEventListener("mousedown", function (event) {
        event.preventDefault();
        useCanned(index);
      });
      list.appendChild(option);
    });
    list.hidden = items.length === 0;
    markCanned();
  }

  function markCanned() {
    var list = document.getElementById("canned-list");
    var box = document.getElementById("reply-text");
    if (!list || !box) {
      return;
    }
    list.querySelectorAll("li").forEach(function (option, index) {
      option.setAttribute("aria-selected", index === cannedIndex ? "true" : "false");
    });
    if (cannedIndex >= 0) {
      box.setAttribute("aria-activedescendant", "canned-" + cannedIndex);
    } else {
      box.removeAttribute("aria-activedescendant");
    }
  }

  function hideCanned() {
    var list = document.getElementById("canned-list");
    cannedItems = [];
    cannedIndex = -1;
    if (list) {
      list.hidden = true;
      list.textContent = "";
    }
    markCanned();
  }

  function useCanned(index) {
    var box = document.getElementById("reply-text");
    if (box && cannedItems[index]) {
      box.value = cannedItems[index].text;
      box.focus();
    }
    hideCanned();
  }

  function cannedKey(event) {
    if (!cannedItems.length) {
      return false;
    }
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      var step = event.key === "ArrowDown" ? 1 : -1;
      cannedIndex = (cannedIndex + step + cannedItems.length) % cannedItems.length;
      markCanned();
      return true;
    }
    if (event.key === "Enter" || event.key === "Tab") {
      event.preventDefault();
      useCanned(cannedIndex);
      return true;
    }
    if (event.key === "Escape") {
      hideCanned();
      return true;
    }
    return false;
  }

  // Keyboard: Alt+ArrowDown / Alt+ArrowUp open the next or previous conversation of the list, Alt+N the next unread
  // one; several chats are handled without the mouse.
  function onShortcut(event) {
    if (!event.altKey || event.ctrlKey || event.metaKey) {
      return;
    }
    var items = Array.prototype.slice.call(document.querySelectorAll("#conversation-list li[data-id]"));
    if (!items.length) {
      return;
    }
    var current = items.findIndex(function (item) { return item.getAttribute("aria-current") === "true"; });
    var target = null;
    if (event.key === "ArrowDown") {
      target = items[Math.min(items.length - 1, current + 1)];
    } else if (event.key === "ArrowUp") {
      target = items[Math.max(0, current - 1)];
    } else if (event.key === "n" || event.key === "N") {
      var after = items.slice(current + 1).concat(items.slice(0, Math.max(0, current)));
      target = after.find(function (item) { return item.classList.contains("unread"); }) || null;
    } else {
      return;
    }
    if (target && target !== items[current]) {
      event.preventDefault();
      var link = target.querySelector("a");
      if (link) {
        link.click();
      }
    }
  }

  // Any use of the console is activity: an agent who went away for idleness is online again (at most once a minute).
  function onActivity() {
    var now = Date.now();
    if (now - activeSent > 60000) {
      activeSent = now;
      send({ type: "active" });
    }
  }

  document.addEventListener("htmx:afterSettle", bind);
  document.addEventListener("visibilitychange", markSeen);
  window.addEventListener("focus", markSeen);
  document.addEventListener("keydown", onShortcut);
  document.addEventListener("keydown", onActivity, true);
  document.addEventListener("pointerdown", onActivity, true);
  setInterval(function () { send({ type: "ping" }); }, 25000);
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", connect);
  } else {
    connect();
  }
})();
