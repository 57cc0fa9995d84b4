// Herald's only script: CSRF for htmx, toasts, and a message when an htmx request fails.
(function () {
  "use strict";

  function meta(name) {
    var el = document.querySelector('meta[name="' + name + '"]');
    return el ? el.getAttribute("content") : null;
  }

  function showToasts(root) {
    if (!window.bootstrap) { return; }
    (root || document).querySelectorAll("[data-herald-toast]:not(.showing):not(.show)").forEach(function (el) {
      window.bootstrap.Toast.getOrCreateInstance(el, { delay: 6000 }).show();
      el.addEventListener("hidden.bs.toast", function () { el.remove(); });
    });
  }

  function errorToast(message) {
    var container = document.getElementById("toasts");
    if (!container || !message) { return; }
    var toast = document.createElement("div");
    toast.className = "toast align-items-center border-0 text-bg-danger";
    toast.setAttribute("role", "alert");
    toast.setAttribute("data-herald-toast", "");
    var body = document.createElement("div");
    body.className = "toast-body";
    body.textContent = message;
    toast.appendChild(body);
    container.appendChild(toast);
    showToasts(container);
  }

  // plain forms that destroy something ask first; the server does not rely on it
  document.addEventListener("submit", function (event) {
    var message = event.target.getAttribute && event.target.getAttribute("data-confirm");
    if (message && !window.confirm(message)) {
      event.preventDefault();
    }
  });

  document.addEventListener("htmx:configRequest", function (event) {
    var header = meta("csrf-header");
    var token = meta("csrf-token");
    if (header && token) {
      event.detail.headers[header] = token;
    }
  });

  document.addEventListener("htmx:responseError", function (event) {
    // 422 answers carry field errors and are swapped in; everything else gets a toast
    if (event.detail.xhr && event.detail.xhr.getResponseHeader("HX-Refresh")) { return; }
    errorToast(document.body.getAttribute("data-msg-request-failed"));
  });

  document.addEventListener("htmx:sendError", function () {
    errorToast(document.body.getAttribute("data-msg-network-error"));
  });

  document.addEventListener("htmx:afterSettle", function () { showToasts(document.getElementById("toasts")); });
  document.addEventListener("htmx:oobAfterSwap", function () { showToasts(document.getElementById("toasts")); });
  document.addEventListener("DOMContentLoaded", function () { showToasts(document); });
})();
