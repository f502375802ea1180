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
      case "conversation":
        scheduleListRefresh();
        if (frame.author === "visitor" && (frame.event === "created" || frame.event === "message")) {
          announce(frame);
        }
        break;
      case "message":
        if (watching && frame.conversation === watching.id && frame.seq > watching.lastSeq) {
          appendAfter(watching.lastSeq);
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
    var url = "/console/inbox/list?status=" + encodeURIComponent(list.getAttribute("data-filter") || "open");
    if (list.getAttribute("data-selected")) {
      url += "&selected=" + encodeURIComponent(list.getAttribute("data-selected"));
    }
    htmx.ajax("GET", url, { target: "#conversation-list", swap: "outerHTML" });
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
    if (watching && document.visibilityState === "visible" && watching.lastSeq > 0) {
      send({ type: "seen", conversation: watching.id, seq: watching.lastSeq });
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
      box.addEventListener("keydown", function (event) {
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
    if (send({ type: "send", conversation: watching.id, clientId: clientId, text: text })) {
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

  // A short tone made on the spot (no audio file to fetch), and a notification whose text is plain text.
  function announce(frame) {
    var viewing = watching && watching.id === frame.id && document.visibilityState === "visible";
    if (viewing) {
      return;
    }
    try {
      var Audio = window.AudioContext || window.webkitAudioContext;
      if (Audio) {
        var audio = new Audio();
        var tone = audio.createOscillator();
        var gain = audio.createGain();
        tone.frequency.value = frame.event === "created" ? 880 : 660;
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
    if (window.Notification && Notification.permission === "granted") {
      var strings = document.body.dataset;
      var note = new Notification(
        frame.event === "created" ? strings.noticeNew || "New conversation" : strings.noticeMessage || "New message",
        { body: frame.preview || "", tag: "sohbet-" + frame.id });
      note.onclick = function () {
        window.focus();
        location.href = "/console/conversations/" + frame.id;
      };
    }
  }

  document.addEventListener("htmx:afterSettle", bind);
  document.addEventListener("visibilitychange", markSeen);
  setInterval(function () { send({ type: "ping" }); }, 25000);
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", connect);
  } else {
    connect();
  }
})();
