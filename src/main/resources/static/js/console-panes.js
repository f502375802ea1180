// The split view (ADR 0038): up to three conversations side by side on the console's conversation page. The page's
// own conversation is the first pane; each other one is a frame of /console/conversations/{id}/pane, which runs
// console-chat.js on its own socket, exactly as a second browser tab would. Frames tell the page, by postMessage to
// this origin only, when they get focus, when a message arrives, and when the agent asks for the next pane.
(function () {
  "use strict";

  var STORE = "sohbet.panes";
  var body = document.body;
  if (!body) {
    return;
  }

  // Inside a pane: report to the console page around it, and nothing else.
  if (body.classList.contains("pane-frame")) {
    if (window.parent === window) {
      return;
    }
    var tell = function (event, extra) {
      var note = { sohbet: "pane", event: event };
      Object.keys(extra || {}).forEach(function (key) { note[key] = extra[key]; });
      window.parent.postMessage(note, location.origin);
    };
    document.addEventListener("focusin", function () { tell("focus"); });
    document.addEventListener("pointerdown", function () { tell("focus"); }, true);
    document.addEventListener("sohbet:message", function (event) {
      tell("message", { author: event.detail.author, kind: event.detail.kind });
    });
    document.addEventListener("keydown", function (event) {
      if (isPaneKey(event)) {
        event.preventDefault();
        tell(event.shiftKey ? "previous" : "next");
      }
    });
    if (body.classList.contains("pane-missing")) {
      tell("missing");
    } else {
      var heading = document.querySelector("#conversation-header h2");
      if (heading) {
        tell("title", { title: heading.textContent.trim() });
      }
    }
    return;
  }

  if (!body.classList.contains("console")) {
    return;
  }

  // Alt+P: the next pane, Alt+Shift+P: the previous one. The physical key, so every keyboard layout has it.
  function isPaneKey(event) {
    return event.altKey && !event.ctrlKey && !event.metaKey && event.code === "KeyP";
  }

  var panes = []; // { id, title, element, frame (null for the page's own conversation), unread }
  var active = 0;
  var workspace = null;

  function stored() {
    try {
      var list = JSON.parse(sessionStorage.getItem(STORE) || "[]");
      return Array.isArray(list) ? list.filter(function (p) { return p && Number(p.id) > 0; }) : [];
    } catch (e) {
      return [];
    }
  }

  function store() {
    try {
      sessionStorage.setItem(STORE, JSON.stringify(panes.slice(1).map(function (p) {
        return { id: p.id, title: p.title };
      })));
    } catch (e) {
      // Private modes may refuse storage; the panes then last as long as the page.
    }
  }

  function text(name, value) {
    return (workspace.getAttribute("data-" + name) || "{0}").replace("{0}", value || "");
  }

  function limit() {
    return Number(workspace.getAttribute("data-limit") || 3);
  }

  // After every page load and htmx swap: build the panes once for the page's workspace, from the ones kept open.
  function setup() {
    var found = document.getElementById("workspace");
    if (!found || found.hasAttribute("data-ready")) {
      if (!found) {
        workspace = null;
        panes = [];
      }
      return;
    }
    workspace = found;
    workspace.setAttribute("data-ready", "true");
    var main = document.getElementById("conversation");
    var heading = main.querySelector("#conversation-header h2");
    panes = [{
      id: Number(workspace.getAttribute("data-main")),
      title: heading ? heading.textContent.trim() : "",
      element: main,
      frame: null,
      unread: false
    }];
    active = 0;
    main.addEventListener("focusin", function () { activate(0, false); });
    main.addEventListener("pointerdown", function () { activate(0, false); });
    stored().forEach(function (kept) {
      if (Number(kept.id) !== panes[0].id && !find(Number(kept.id)) && panes.length < limit()) {
        addFrame(Number(kept.id), kept.title || "");
      }
    });
    store();
    render();
  }

  function find(id) {
    for (var i = 0; i < panes.length; i++) {
      if (panes[i].id === id) {
        return panes[i];
      }
    }
    return null;
  }

  function addFrame(id, title) {
    var section = document.createElement("section");
    section.className = "pane pane-box";
    section.setAttribute("data-id", String(id));
    var head = document.createElement("div");
    head.className = "pane-head";
    var name = document.createElement("span");
    name.className = "pane-title";
    var badge = document.createElement("span");
    badge.className = "badge pane-unread";
    badge.textContent = text("unread");
    badge.hidden = true;
    var close = document.createElement("button");
    close.type = "button";
    close.className = "secondary pane-close";
    close.textContent = text("close");
    var frame = document.createElement("iframe");
    frame.src = "/console/conversations/" + id + "/pane";
    head.appendChild(name);
    head.appendChild(badge);
    head.appendChild(close);
    section.appendChild(head);
    section.appendChild(frame);
    document.getElementById("panes").appendChild(section);
    var pane = { id: id, title: title, element: section, frame: frame, unread: false };
    panes.push(pane);
    close.addEventListener("click", function () { closePane(pane); });
    named(pane, title || text("loading"));
    return pane;
  }

  function named(pane, title) {
    pane.title = title;
    if (!pane.frame) {
      return;
    }
    pane.element.setAttribute("aria-label", title);
    pane.element.querySelector(".pane-title").textContent = title;
    pane.element.querySelector(".pane-close").setAttribute("aria-label", text("close-label", title));
    pane.frame.title = text("frame-title", title);
  }

  // The tabs: one button per pane, which focuses it (on a narrow screen, the only pane shown).
  function render() {
    var tabs = document.getElementById("pane-tabs");
    if (!tabs) {
      return;
    }
    tabs.textContent = "";
    tabs.hidden = panes.length < 2;
    workspace.setAttribute("data-panes", String(panes.length));
    panes.forEach(function (pane, index) {
      var tab = document.createElement("button");
      tab.type = "button";
      tab.className = "pane-tab";
      tab.setAttribute("aria-pressed", index === active ? "true" : "false");
      var name = document.createElement("span");
      name.textContent = pane.title;
      tab.appendChild(name);
      if (pane.unread) {
        var badge = document.createElement("span");
        badge.className = "badge";
        badge.textContent = text("unread");
        tab.appendChild(badge);
      }
      tab.addEventListener("click", function () { focusPane(index); });
      tabs.appendChild(tab);
      if (index === active) {
        pane.element.setAttribute("data-active", "true");
      } else {
        pane.element.removeAttribute("data-active");
      }
      if (pane.unread) {
        pane.element.setAttribute("data-unread", "true");
      } else {
        pane.element.removeAttribute("data-unread");
      }
      if (pane.frame) {
        pane.element.querySelector(".pane-unread").hidden = !pane.unread;
      }
    });
  }

  function activate(index, clearStatus) {
    if (!panes[index]) {
      return;
    }
    var changed = active !== index || panes[index].unread;
    active = index;
    panes[index].unread = false;
    if (clearStatus) {
      say("");
    }
    if (changed) {
      render();
    }
  }

  function focusPane(index) {
    var pane = panes[index];
    if (!pane) {
      return;
    }
    activate(index, true);
    if (!pane.frame) {
      var box = document.getElementById("reply-text");
      (box || pane.element).focus();
      return;
    }
    try {
      pane.frame.contentWindow.focus();
      var inner = pane.frame.contentDocument.getElementById("reply-text");
      if (inner) {
        inner.focus();
      }
    } catch (e) {
      pane.frame.focus();
    }
  }

  function say(message) {
    var status = document.getElementById("pane-status");
    if (status) {
      status.textContent = message;
    }
  }

  function open(id, title) {
    var known = find(id);
    if (known) {
      focusPane(panes.indexOf(known));
      return;
    }
    if (panes.length >= limit()) {
      say(text("full"));
      return;
    }
    var pane = addFrame(id, title);
    active = panes.length - 1;
    store();
    render();
    pane.frame.addEventListener("load", function () {
      if (panes[active] === pane) {
        focusPane(active);
      }
    }, { once: true });
  }

  function closePane(pane) {
    var index = panes.indexOf(pane);
    if (index < 1) {
      return;
    }
    pane.element.remove();
    panes.splice(index, 1);
    store();
    focusPane(0);
    render();
  }

  function paneOf(source) {
    for (var i = 1; i < panes.length; i++) {
      if (panes[i].frame && panes[i].frame.contentWindow === source) {
        return i;
      }
    }
    return -1;
  }

  function step(by) {
    if (panes.length > 1) {
      focusPane((active + by + panes.length) % panes.length);
    }
  }

  function flag(index, author) {
    if (index !== active && author === "visitor" && panes.length > 1) {
      panes[index].unread = true;
      render();
    }
  }

  window.addEventListener("message", function (event) {
    if (event.origin !== location.origin || !event.data || event.data.sohbet !== "pane" || !workspace) {
      return;
    }
    var index = paneOf(event.source);
    if (index < 0) {
      return;
    }
    switch (event.data.event) {
      case "focus":
        activate(index, true);
        break;
      case "message":
        flag(index, event.data.author);
        break;
      case "next":
        step(1);
        break;
      case "previous":
        step(-1);
        break;
      case "title":
        named(panes[index], String(event.data.title || ""));
        store();
        render();
        break;
      case "missing":
        named(panes[index], text("missing"));
        render();
        break;
    }
  });

  // The page's own conversation is flagged too, when the agent is in another pane.
  document.addEventListener("sohbet:message", function (event) {
    if (workspace && panes[0] && event.detail.conversation === panes[0].id) {
      flag(0, event.detail.author);
    }
  });

  document.addEventListener("click", function (event) {
    var button = event.target.closest ? event.target.closest("[data-open-beside]") : null;
    if (!button) {
      return;
    }
    var id = Number(button.getAttribute("data-open-beside"));
    if (!workspace) {
      // No conversation open yet: this one becomes the page's own.
      location.href = "/console/conversations/" + id;
      return;
    }
    open(id, button.getAttribute("data-title") || "");
  });

  document.addEventListener("keydown", function (event) {
    if (workspace && isPaneKey(event)) {
      event.preventDefault();
      step(event.shiftKey ? -1 : 1);
    }
  });

  document.addEventListener("htmx:afterSettle", setup);
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setup);
  } else {
    setup();
  }
})();
