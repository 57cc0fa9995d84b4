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

  // global search: "/" focuses the field; arrow keys move through the results, Esc closes them
  function searchInput() { return document.getElementById("global-search"); }
  function searchResults() { return document.getElementById("hits"); }
  function searchHits() {
    var results = searchResults();
    return results ? Array.prototype.slice.call(results.querySelectorAll("a.search-hit, a[href]")) : [];
  }
  function closeSearch(focusInput) {
    var results = searchResults();
    if (results) { results.classList.add("d-none"); }
    if (focusInput && searchInput()) { searchInput().focus(); }
  }
  function typing(el) {
    return el && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName));
  }

  document.addEventListener("keydown", function (event) {
    var input = searchInput();
    if (!input) { return; }
    if (event.key === "/" && !typing(event.target) && !event.ctrlKey && !event.metaKey && !event.altKey) {
      event.preventDefault();
      input.focus();
      return;
    }
    var results = searchResults();
    var inSearch = event.target === input || (results && results.contains(event.target));
    if (!inSearch) { return; }
    if (event.key === "Escape") {
      event.preventDefault();
      closeSearch(true);
      return;
    }
    if (event.key !== "ArrowDown" && event.key !== "ArrowUp") { return; }
    var hits = searchHits();
    if (!hits.length || results.classList.contains("d-none")) { return; }
    event.preventDefault();
    var index = hits.indexOf(event.target);
    if (event.key === "ArrowDown") {
      hits[Math.min(index + 1, hits.length - 1)].focus();
    } else if (index <= 0) {
      input.focus();
    } else {
      hits[index - 1].focus();
    }
  });

  // a click outside the search closes its results; typing again opens them
  document.addEventListener("click", function (event) {
    var form = document.getElementById("global-search-form");
    if (form && !form.contains(event.target)) { closeSearch(false); }
  });
  document.addEventListener("focusin", function (event) {
    var results = searchResults();
    if (event.target === searchInput() && results && results.querySelector("a")) {
      results.classList.remove("d-none");
    }
  });

  document.addEventListener("htmx:afterSettle", function () { showToasts(document.getElementById("toasts")); });
  document.addEventListener("htmx:oobAfterSwap", function () { showToasts(document.getElementById("toasts")); });
  document.addEventListener("DOMContentLoaded", function () { showToasts(document); });
})();
