// The console's only script besides htmx. No inline script anywhere: the CSP forbids it.
(function () {
  "use strict";

  // htmx requests carry the CSRF token from the page's meta tags.
  document.addEventListener("htmx:configRequest", function (event) {
    var token = document.querySelector('meta[name="csrf-token"]');
    var header = document.querySelector('meta[name="csrf-header"]');
    if (token && header) {
      event.detail.headers[header.content] = token.content;
    }
  });

  // A 401 during an htmx request means the session ended: reload, so the sign-in page shows.
  document.addEventListener("htmx:responseError", function (event) {
    if (event.detail.xhr && event.detail.xhr.status === 401) {
      window.location.reload();
    }
  });

  function ready() {
    // Setup preselects the browser's time zone when it is one of the choices.
    var zone = document.querySelector("select[data-detect-timezone]");
    if (zone && window.Intl) {
      var detected = Intl.DateTimeFormat().resolvedOptions().timeZone;
      for (var i = 0; i < zone.options.length; i++) {
        if (zone.options[i].value === detected) {
          zone.value = detected;
          break;
        }
      }
    }
    document.querySelectorAll("input[data-select-on-focus]").forEach(function (input) {
      input.addEventListener("focus", function () { input.select(); });
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", ready);
  } else {
    ready();
  }
})();
