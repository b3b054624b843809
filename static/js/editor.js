/*
 * aledraft editor: live feedback while writing. Progressive enhancement only: the page
 * works without this file (the server checks the text on save).
 *
 * - debounced POST to the analyzer; findings highlighted in place (a mirror behind the
 *   textarea) and listed by severity beside it; one-click suggestions for plain language
 * - LIX, character count against the platform limit, a live preview
 * - autosave to the server and a local copy in localStorage, with a restore prompt
 *
 * User text only ever reaches the page through textContent and text nodes: never innerHTML.
 */
(function () {
  "use strict";

  var form = document.getElementById("draft-form");
  var textarea = document.getElementById("draft-text");
  if (!form || !textarea || !window.fetch) {
    return;
  }

  var ANALYZE_DELAY_MS = 400;
  var AUTOSAVE_EVERY_MS = 5000;
  var RETRY_MIN_MS = 5000;
  var RETRY_MAX_MS = 60000;
  var LOCAL_PREFIX = "aledraft.utkast.";
  var LOCAL_MAX_AGE_MS = 30 * 24 * 3600 * 1000;
  var SUBMITTED_KEY = "aledraft.sparat";

  var SEVERITIES = [
    {code: "block", label: "Blockerande", icon: "\u2716", one: "blockerande", many: "blockerande"},
    {code: "warn", label: "Varningar", icon: "\u26A0", one: "varning", many: "varningar"},
    {code: "info", label: "Tips", icon: "\u2139", one: "tips", many: "tips"}
  ];
  /* Categories whose suggestion is a replacement for the marked words. */
  var REPLACEABLE = {plain_language: true};

  var analyzeUrl = form.getAttribute("data-analyze-url") || "";
  var autosaveUrl = form.getAttribute("data-autosave-url") || "";
  var consentUrl = form.getAttribute("data-consent-url") || "";
  var platform = form.getAttribute("data-platform") || null;
  var draftId = parseInt(form.getAttribute("data-draft-id") || "", 10);
  var limit = parseInt(form.getAttribute("data-limit") || "", 10);
  var userKey = form.getAttribute("data-user-id") || "";
  var baseInput = document.getElementById("base-version");
  var csrfInput = form.querySelector('input[name="csrf_token"]');
  var findingsBox = document.getElementById("findings");
  var lixOut = document.getElementById("lix");
  var countOut = document.getElementById("char-count");
  var preview = document.getElementById("preview");
  var accountSelect = form.querySelector('select[name="account"]');

  var state = {
    findings: [],
    analyzedText: null,
    analyzeTimer: null,
    analyzeSeq: 0,
    analyzeController: null,
    analyzeRetry: RETRY_MIN_MS,
    analyzeRetryTimer: null,
    lastSummary: "",
    savedText: null, /* the text the server holds as the latest version; set below */
    autosavedText: textarea.value,
    autosaveBusy: false,
    connectionLost: {},
    restorePending: false,
    submitting: false
  };

  /* ---------- small helpers ---------- */

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) {
      node.className = className;
    }
    if (text !== undefined && text !== null) {
      node.textContent = text;
    }
    return node;
  }

  function clear(node) {
    while (node.firstChild) {
      node.removeChild(node.firstChild);
    }
  }

  function csrfToken() {
    return csrfInput ? csrfInput.value : "";
  }

  function baseVersion() {
    var n = parseInt(baseInput ? baseInput.value : "0", 10);
    return isNaN(n) ? 0 : n;
  }

  function clockTime(date) {
    function two(n) { return (n < 10 ? "0" : "") + n; }
    return two(date.getHours()) + ":" + two(date.getMinutes());
  }

  function swedishNumber(value) {
    return String(value).replace(".", ",");
  }

  function count(n) {
    /* 63206 → "63 206" (no-break space), as Swedish writes numbers. */
    return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, "\u00A0");
  }

  /* The analyzer counts in Unicode code points (Python), the browser in UTF-16 units. */
  function codePointLength(text) {
    var n = 0;
    for (var i = 0; i < text.length; i++) {
      var c = text.charCodeAt(i);
      if (c < 0xDC00 || c > 0xDFFF || i === 0 || !isHighSurrogate(text.charCodeAt(i - 1))) {
        n++;
      }
    }
    return n;
  }

  function isHighSurrogate(c) {
    return c >= 0xD800 && c <= 0xDBFF;
  }

  function unitOffsets(text) {
    /* Map code point index → UTF-16 index (identity when there are no astral characters). */
    if (!/[\uD800-\uDBFF][\uDC00-\uDFFF]/.test(text)) {
      return function (cp) { return cp; };
    }
    var map = [];
    for (var i = 0; i < text.length; i++) {
      map.push(i);
      if (isHighSurrogate(text.charCodeAt(i)) && i + 1 < text.length) {
        var next = text.charCodeAt(i + 1);
        if (next >= 0xDC00 && next <= 0xDFFF) {
          i++;
        }
      }
    }
    map.push(text.length);
    return function (cp) { return cp < map.length ? map[cp] : text.length; };
  }

  /* ---------- page furniture created by the script ---------- */

  var field = el("div", "editor-field");
  var backdrop = el("div", "editor-backdrop");
  var highlights = el("div", "editor-highlights");
  backdrop.setAttribute("aria-hidden", "true");
  if (textarea.getAttribute("dir")) {
    highlights.setAttribute("dir", textarea.getAttribute("dir"));
  }
  backdrop.appendChild(highlights);
  textarea.parentNode.insertBefore(field, textarea);
  field.appendChild(backdrop);
  field.appendChild(textarea);
  textarea.classList.add("editor-textarea");

  var toolbar = el("div", "editor-toolbar");
  var saveStatus = el("p", "editor-save-status");
  saveStatus.id = "editor-save-status";
  var connection = el("p", "editor-connection");
  connection.id = "editor-connection";
  connection.setAttribute("role", "status");
  toolbar.appendChild(saveStatus);
  toolbar.appendChild(connection);
  field.parentNode.insertBefore(toolbar, field.nextSibling);

  var liveStatus = el("p", "editor-status");
  liveStatus.id = "editor-status";
  liveStatus.setAttribute("role", "status");
  liveStatus.setAttribute("aria-live", "polite");
  if (findingsBox) {
    /* The list is rewritten after each analysis; only the short summary is announced. */
    findingsBox.removeAttribute("aria-live");
    findingsBox.parentNode.insertBefore(liveStatus, findingsBox);
  } else {
    toolbar.appendChild(liveStatus);
  }

  var hint = document.getElementById("draft-text-hint");
  if (hint && hint.firstChild && hint.firstChild.nodeType === 3) {
    hint.firstChild.nodeValue = hint.firstChild.nodeValue.replace(
      "Kontrollen körs när du sparar", "Kontrollen körs medan du skriver och när du sparar");
  }

  /* The preview may carry a signature after the text (the spokesperson). */
  var previewSuffix = "";
  if (preview) {
    var shown = preview.textContent;
    if (shown.indexOf(textarea.value) === 0) {
      previewSuffix = shown.slice(textarea.value.length);
    }
  }

  function copyTextMetrics() {
    /* The mirror must wrap exactly like the textarea: copy what decides line breaks. */
    var style = window.getComputedStyle(textarea);
    var props = ["fontFamily", "fontSize", "fontWeight", "fontStyle", "lineHeight", "letterSpacing",
      "wordSpacing", "textIndent", "textTransform", "tabSize",
      "paddingTop", "paddingRight", "paddingBottom", "paddingLeft",
      "borderTopWidth", "borderRightWidth", "borderBottomWidth", "borderLeftWidth"];
    for (var i = 0; i < props.length; i++) {
      backdrop.style[props[i]] = style[props[i]];
    }
  }

  function syncScroll() {
    backdrop.scrollTop = textarea.scrollTop;
    backdrop.scrollLeft = textarea.scrollLeft;
  }

  /* ---------- highlighting, list, counters, preview ---------- */

  function validSpans(text, findings) {
    var toUnit = unitOffsets(text);
    var spans = [];
    for (var i = 0; i < findings.length; i++) {
      var f = findings[i];
      var start = toUnit(f.start);
      var end = toUnit(f.end);
      if (typeof f.start !== "number" || typeof f.end !== "number" || end <= start || end > text.length) {
        continue;
      }
      spans.push({start: start, end: end, finding: f, index: i});
    }
    spans.sort(function (a, b) { return a.start - b.start || b.end - a.end; });
    return spans;
  }

  function currentSpans(text) {
    /* The analysed text's spans, carried over an edit made since (one changed region):
       spans before it stay, spans after it move, spans it touches wait for the next analysis. */
    var old = state.analyzedText;
    if (old === null) {
      return [];
    }
    var spans = validSpans(old, state.findings);
    if (old === text) {
      return spans;
    }
    var max = Math.min(old.length, text.length);
    var prefix = 0;
    while (prefix < max && old.charCodeAt(prefix) === text.charCodeAt(prefix)) {
      prefix++;
    }
    var suffix = 0;
    while (suffix < max - prefix &&
           old.charCodeAt(old.length - 1 - suffix) === text.charCodeAt(text.length - 1 - suffix)) {
      suffix++;
    }
    var delta = text.length - old.length;
    var moved = [];
    spans.forEach(function (span) {
      if (span.end <= prefix) {
        moved.push(span);
      } else if (span.start >= old.length - suffix) {
        moved.push({start: span.start + delta, end: span.end + delta, finding: span.finding, index: span.index});
      }
    });
    return moved;
  }

  function renderHighlights(text) {
    clear(highlights);
    var spans = currentSpans(text);
    var pos = 0;
    for (var i = 0; i < spans.length; i++) {
      var span = spans[i];
      if (span.start < pos) {
        continue; /* overlapping: the list still shows it */
      }
      if (span.start > pos) {
        highlights.appendChild(document.createTextNode(text.slice(pos, span.start)));
      }
      var mark = el("mark", "hl hl-" + (span.finding.severity || "info"), text.slice(span.start, span.end));
      mark.setAttribute("data-finding", String(span.index));
      highlights.appendChild(mark);
      pos = span.end;
    }
    /* A trailing space keeps a final empty line as tall as the textarea's. */
    highlights.appendChild(document.createTextNode(text.slice(pos) + " "));
    syncScroll();
  }

  function renderCount(text) {
    if (!countOut) {
      return;
    }
    var n = codePointLength(text);
    countOut.textContent = count(n);
    var parent = countOut.parentNode;
    /* Replace what the server wrote after the number with the live statement. */
    while (countOut.nextSibling) {
      parent.removeChild(countOut.nextSibling);
    }
    if (!isNaN(limit) && limit > 0) {
      parent.appendChild(document.createTextNode(" av högst " + count(limit)));
      if (n > limit) {
        var over = el("strong", "over-limit", " – " + count(n - limit) + " tecken för mycket!");
        parent.appendChild(over);
        parent.classList.add("is-over-limit");
      } else {
        parent.appendChild(document.createTextNode(" – " + count(limit - n) + " tecken kvar."));
        parent.classList.remove("is-over-limit");
      }
    }
  }

  function renderPreview(text) {
    if (preview) {
      preview.textContent = text + previewSuffix;
    }
  }

  function renderReadability(readability) {
    if (!lixOut) {
      return;
    }
    if (readability && typeof readability.lix === "number") {
      lixOut.textContent = swedishNumber(readability.lix) + " (" + (readability.level || "") + ")";
    } else {
      lixOut.textContent = "–";
    }
  }

  function quoteOf(text) {
    var q = el("q", "finding-quote");
    var bdi = el("bdi", null, text);
    q.appendChild(bdi);
    return q;
  }

  function matchCase(original, suggestion) {
    var first = original.charAt(0);
    if (first && first !== first.toLowerCase() && suggestion.charAt(0) === suggestion.charAt(0).toLowerCase()) {
      return suggestion.charAt(0).toUpperCase() + suggestion.slice(1);
    }
    return suggestion;
  }

  function renderFindings(findings) {
    if (!findingsBox) {
      return;
    }
    clear(findingsBox);
    if (!findings.length) {
      findingsBox.appendChild(el("p", "finding-none",
        "Inga markeringar: texten följer riktlinjerna enligt kontrollen."));
      return;
    }
    SEVERITIES.forEach(function (sev) {
      var items = [];
      findings.forEach(function (f, index) {
        if ((f.severity || "info") === sev.code) {
          items.push({finding: f, index: index});
        }
      });
      if (!items.length) {
        return;
      }
      var section = el("section", "finding-group finding-group-" + sev.code);
      var headingId = "live-findings-" + sev.code;
      section.setAttribute("aria-labelledby", headingId);
      var heading = el("h3");
      heading.id = headingId;
      var icon = el("span", "severity-icon", sev.icon);
      icon.setAttribute("aria-hidden", "true");
      heading.appendChild(icon);
      heading.appendChild(document.createTextNode(" " + sev.label + " (" + items.length + ")"));
      section.appendChild(heading);
      var list = el("ul", "findings");
      items.forEach(function (item) {
        list.appendChild(findingItem(item.finding, item.index));
      });
      section.appendChild(list);
      findingsBox.appendChild(section);
    });
  }

  function findingItem(f, index) {
    var li = el("li", "finding finding-" + (f.severity || "info") + (f.covered_by_consent ? " finding-covered" : ""));
    li.setAttribute("data-rule", f.rule || "");
    var jump = el("button", "finding-jump");
    jump.type = "button";
    jump.setAttribute("data-finding", String(index));
    jump.appendChild(el("strong", "finding-message", f.message || f.rule || ""));
    var where = el("span", "finding-text");
    where.appendChild(document.createTextNode(" Gäller: "));
    where.appendChild(quoteOf(f.text || ""));
    jump.appendChild(where);
    jump.addEventListener("click", function () { selectFinding(f); });
    li.appendChild(jump);

    if (f.suggestion && REPLACEABLE[f.category]) {
      var replacement = matchCase(f.text || "", f.suggestion);
      var apply = el("button", "finding-apply");
      apply.type = "button";
      apply.appendChild(document.createTextNode("Byt till "));
      apply.appendChild(quoteOf(replacement));
      apply.addEventListener("click", function () { applySuggestion(f, replacement); });
      li.appendChild(apply);
    } else if (f.suggestion) {
      li.appendChild(el("p", "finding-suggestion", "Förslag: " + f.suggestion));
    }
    if (f.covered_by_consent) {
      var covered = el("p", "finding-status");
      var tick = el("span", null, "\u2714");
      tick.setAttribute("aria-hidden", "true");
      covered.appendChild(tick);
      covered.appendChild(document.createTextNode(" Täcks av registrerat samtycke – blockerar inte."));
      li.appendChild(covered);
    } else if (f.category === "person_name" && consentUrl) {
      var p = el("p");
      var link = el("a", null, "Registrera samtycke för ");
      link.href = consentUrl + (consentUrl.indexOf("?") < 0 ? "?" : "&") + "namn=" + encodeURIComponent(f.text || "");
      link.appendChild(el("bdi", null, f.text || ""));
      p.appendChild(link);
      li.appendChild(p);
    }
    return li;
  }

  function summarize(findings) {
    if (!findings.length) {
      return "Kontrollen är klar: inga markeringar.";
    }
    var parts = [];
    SEVERITIES.forEach(function (sev) {
      var n = findings.filter(function (f) { return (f.severity || "info") === sev.code; }).length;
      if (n) {
        parts.push(n + " " + (n === 1 ? sev.one : sev.many));
      }
    });
    var total = findings.length;
    return "Kontrollen är klar: " + total + (total === 1 ? " markering" : " markeringar") +
      " (" + parts.join(", ") + ").";
  }

  function renderAll() {
    var text = textarea.value;
    renderHighlights(text);
    renderCount(text);
    renderPreview(text);
  }

  /* ---------- moving to a finding and applying a suggestion ---------- */

  function spanOf(f) {
    var spans = currentSpans(textarea.value);
    for (var i = 0; i < spans.length; i++) {
      if (spans[i].finding === f) {
        return {start: spans[i].start, end: spans[i].end};
      }
    }
    return null;
  }

  function scrollToSelection(index) {
    var mark = highlights.querySelector('mark[data-finding="' + index + '"]');
    if (mark) {
      var top = mark.offsetTop - textarea.clientHeight / 3;
      textarea.scrollTop = Math.max(0, top);
      syncScroll();
    }
  }

  function selectFinding(f) {
    var span = spanOf(f);
    textarea.focus();
    if (span) {
      textarea.setSelectionRange(span.start, span.end);
      scrollToSelection(state.findings.indexOf(f));
    }
  }

  function applySuggestion(f, replacement) {
    var span = spanOf(f);
    if (!span || textarea.value.slice(span.start, span.end) !== f.text) {
      announce("Texten har ändrats sedan kontrollen. Förslaget kunde inte användas – vänta på den nya kontrollen.");
      return;
    }
    textarea.focus();
    textarea.setSelectionRange(span.start, span.end);
    /* insertText keeps the browser's undo history; setRangeText is the fallback. */
    var done = false;
    try {
      done = document.execCommand && document.execCommand("insertText", false, replacement);
    } catch (e) {
      done = false;
    }
    if (!done || textarea.value.slice(span.start, span.start + replacement.length) !== replacement) {
      textarea.setRangeText(replacement, span.start, span.end, "end");
      onTextChanged();
    }
    var caret = span.start + replacement.length;
    textarea.setSelectionRange(caret, caret);
    analyzeNow();
  }

  function announce(message) {
    liveStatus.textContent = message;
    state.lastSummary = message;
  }

  /* ---------- talking to the server ---------- */

  function setConnectionProblem(kind, message) {
    state.connectionLost[kind] = message;
    showConnection();
  }

  function clearConnectionProblem(kind) {
    if (state.connectionLost[kind]) {
      delete state.connectionLost[kind];
      showConnection();
    }
  }

  function showConnection() {
    var messages = [];
    for (var k in state.connectionLost) {
      if (Object.prototype.hasOwnProperty.call(state.connectionLost, k)) {
        messages.push(state.connectionLost[k]);
      }
    }
    var text = messages.join(" ");
    if (connection.textContent !== text) {
      connection.textContent = text;
    }
    connection.classList.toggle("is-problem", messages.length > 0);
  }

  function postJson(url, body, options) {
    var init = {
      method: "POST",
      credentials: "same-origin",
      headers: {"Content-Type": "application/json", "Accept": "application/json", "X-CSRFToken": csrfToken()},
      body: JSON.stringify(body)
    };
    if (options && options.signal) {
      init.signal = options.signal;
    }
    if (options && options.keepalive) {
      init.keepalive = true;
    }
    return fetch(url, init).then(function (response) {
      return response.json().catch(function () { return null; }).then(function (data) {
        return {ok: response.ok, status: response.status, data: data};
      });
    });
  }

  function errorMessage(result, fallback) {
    if (result && result.data && result.data.error && result.data.error.message) {
      return result.data.error.message;
    }
    if (result && (result.status === 401 || result.status === 403)) {
      return "Du verkar ha blivit utloggad. Texten finns kvar här och i webbläsaren – logga in i en ny flik och spara sedan.";
    }
    return fallback;
  }

  function scheduleAnalyze() {
    window.clearTimeout(state.analyzeTimer);
    state.analyzeTimer = window.setTimeout(analyzeNow, ANALYZE_DELAY_MS);
  }

  function analyzeNow() {
    window.clearTimeout(state.analyzeTimer);
    window.clearTimeout(state.analyzeRetryTimer);
    if (!analyzeUrl) {
      return;
    }
    var text = textarea.value;
    var seq = ++state.analyzeSeq;
    if (state.analyzeController) {
      state.analyzeController.abort();
    }
    var controller = window.AbortController ? new AbortController() : null;
    state.analyzeController = controller;
    var body = {text: text, platform: platform || null};
    if (!isNaN(draftId)) {
      body.draft_id = draftId;
    }
    form.classList.add("is-analyzing");
    postJson(analyzeUrl, body, {signal: controller ? controller.signal : null}).then(function (result) {
      if (seq !== state.analyzeSeq) {
        return;
      }
      form.classList.remove("is-analyzing");
      if (!result.ok || !result.data || !Array.isArray(result.data.findings)) {
        if (result.status >= 500 || result.status === 0) {
          retryAnalyze("Kontrollen svarar inte just nu. Vi försöker igen om en stund.");
        } else {
          setConnectionProblem("analyze", errorMessage(result, "Kontrollen kunde inte köras på texten."));
        }
        return;
      }
      state.analyzeRetry = RETRY_MIN_MS;
      clearConnectionProblem("analyze");
      if (textarea.value !== text) {
        return; /* typed meanwhile: a newer analysis is on its way */
      }
      state.analyzedText = text;
      state.findings = result.data.findings;
      renderHighlights(text);
      renderFindings(state.findings);
      renderReadability(result.data.readability);
      var summary = summarize(state.findings);
      if (summary !== state.lastSummary) {
        announce(summary);
      }
    }, function (error) {
      if (error && error.name === "AbortError") {
        return;
      }
      if (seq !== state.analyzeSeq) {
        return;
      }
      form.classList.remove("is-analyzing");
      retryAnalyze("Ingen kontakt med servern just nu, så kontrollen är pausad. Det du skriver finns kvar " +
        "i webbläsaren. Vi försöker igen om en stund.");
    });
  }

  function retryAnalyze(message) {
    setConnectionProblem("analyze", message);
    window.clearTimeout(state.analyzeRetryTimer);
    state.analyzeRetryTimer = window.setTimeout(analyzeNow, state.analyzeRetry);
    state.analyzeRetry = Math.min(state.analyzeRetry * 2, RETRY_MAX_MS);
  }

  function autosave(options) {
    var text = textarea.value;
    if (!autosaveUrl || state.autosaveBusy || state.submitting || text === state.autosavedText) {
      return;
    }
    state.autosaveBusy = true;
    postJson(autosaveUrl, {text: text, base_version: baseVersion()}, options).then(function (result) {
      state.autosaveBusy = false;
      if (result.ok) {
        state.autosavedText = text;
        clearConnectionProblem("autosave");
        saveStatus.textContent = "Sparat automatiskt kl. " + clockTime(new Date()) +
          ". Spara för att skapa en ny version.";
      } else if (result.status >= 500) {
        setConnectionProblem("autosave", "Den automatiska sparningen lyckades inte. Texten finns kvar i " +
          "webbläsaren och vi försöker igen.");
      } else {
        setConnectionProblem("autosave", errorMessage(result, "Den automatiska sparningen lyckades inte."));
      }
    }, function () {
      state.autosaveBusy = false;
      setConnectionProblem("autosave", "Ingen kontakt med servern – texten sparas i webbläsaren tills " +
        "kontakten är tillbaka.");
    });
  }

  /* ---------- the local copy in this browser ---------- */

  function storage() {
    try {
      return window.localStorage;
    } catch (e) {
      return null;
    }
  }

  function localKey() {
    var which = !isNaN(draftId) ? String(draftId) : "ny-" + (accountSelect ? accountSelect.value : "");
    return LOCAL_PREFIX + (userKey ? userKey + "." : "") + which;
  }

  function readLocal(key) {
    var store = storage();
    if (!store) {
      return null;
    }
    try {
      var copy = JSON.parse(store.getItem(key) || "null");
      return copy && typeof copy.text === "string" ? copy : null;
    } catch (e) {
      return null;
    }
  }

  function writeLocal() {
    var store = storage();
    if (!store || state.restorePending) {
      return; /* while the restore prompt waits, the older copy stays */
    }
    try {
      if (textarea.value === state.savedText) {
        store.removeItem(localKey());
      } else {
        store.setItem(localKey(), JSON.stringify({text: textarea.value, base_version: baseVersion(),
          saved_at: Date.now()}));
      }
    } catch (e) {
      /* Full or forbidden storage: the server autosave still runs. */
    }
  }

  function removeLocal(key) {
    var store = storage();
    if (store) {
      try {
        store.removeItem(key);
      } catch (e) {
        /* nothing to do */
      }
    }
  }

  function pruneOldCopies() {
    var store = storage();
    if (!store) {
      return;
    }
    try {
      var now = Date.now();
      for (var i = store.length - 1; i >= 0; i--) {
        var key = store.key(i);
        if (key && key.indexOf(LOCAL_PREFIX) === 0) {
          var copy = readLocal(key);
          if (!copy || !copy.saved_at || now - copy.saved_at > LOCAL_MAX_AGE_MS) {
            store.removeItem(key);
          }
        }
      }
    } catch (e) {
      /* nothing to do */
    }
  }

  function pageAnsweredOk() {
    var entries = window.performance && performance.getEntriesByType ? performance.getEntriesByType("navigation") : [];
    var status = entries.length ? entries[0].responseStatus : undefined;
    return !status || status < 400;
  }

  function forgetSubmittedCopy() {
    /* After a save the server shows the saved text; a matching local copy is no longer needed. */
    var session;
    try {
      session = window.sessionStorage;
      var marker = JSON.parse(session.getItem(SUBMITTED_KEY) || "null");
      session.removeItem(SUBMITTED_KEY);
      if (marker && pageAnsweredOk() && marker.text === textarea.value) {
        removeLocal(marker.key);
      }
    } catch (e) {
      /* nothing to do */
    }
  }

  function offerRestore() {
    var key = localKey();
    var copy = readLocal(key);
    if (!copy) {
      return;
    }
    if (copy.text === textarea.value) {
      if (pageAnsweredOk()) {
        removeLocal(key);
      }
      return;
    }
    state.restorePending = true;
    var notice = el("div", "notice editor-restore");
    notice.id = "editor-restore";
    notice.setAttribute("role", "region");
    notice.setAttribute("aria-labelledby", "editor-restore-heading");
    var heading = el("h2", "editor-restore-heading", "Osparad text i webbläsaren");
    heading.id = "editor-restore-heading";
    notice.appendChild(heading);
    var when = copy.saved_at ? new Date(copy.saved_at) : null;
    notice.appendChild(el("p", null, "Den här webbläsaren har en text" +
      (when ? " från " + when.toLocaleDateString("sv-SE") + " kl. " + clockTime(when) : "") +
      " som inte sparades och som skiljer sig från texten i rutan. Vill du återställa den?"));
    var excerpt = el("p", "editor-restore-text", copy.text.length > 300 ? copy.text.slice(0, 300) + "…" : copy.text);
    notice.appendChild(excerpt);
    var actions = el("div", "actions");
    var restore = el("button", "primary", "Återställ");
    restore.type = "button";
    var discard = el("button", null, "Släng");
    discard.type = "button";
    actions.appendChild(restore);
    actions.appendChild(discard);
    notice.appendChild(actions);
    form.parentNode.insertBefore(notice, form);

    restore.addEventListener("click", function () {
      state.restorePending = false;
      textarea.value = copy.text;
      if (baseInput && typeof copy.base_version === "number" && copy.base_version > 0) {
        /* Saving on the old base lets the server show both texts if someone saved meanwhile. */
        baseInput.value = String(copy.base_version);
      }
      notice.parentNode.removeChild(notice);
      onTextChanged();
      analyzeNow();
      textarea.focus();
      announce("Texten är återställd. Spara för att behålla den.");
    });
    discard.addEventListener("click", function () {
      state.restorePending = false;
      removeLocal(key);
      notice.parentNode.removeChild(notice);
      textarea.focus();
      announce("Den osparade texten är slängd.");
    });
  }

  /* ---------- wiring ---------- */

  function onTextChanged() {
    renderAll();
    writeLocal();
    scheduleAnalyze();
  }

  textarea.addEventListener("input", onTextChanged);
  textarea.addEventListener("scroll", syncScroll);
  if (window.ResizeObserver) {
    new ResizeObserver(function () { syncScroll(); }).observe(textarea);
  }
  window.addEventListener("resize", function () { copyTextMetrics(); syncScroll(); });

  form.addEventListener("submit", function () {
    /* The text goes to the server with the form: no autosave may arrive after the save. */
    state.submitting = true;
    try {
      window.sessionStorage.setItem(SUBMITTED_KEY, JSON.stringify({key: localKey(), text: textarea.value}));
    } catch (e) {
      /* nothing to do */
    }
  });

  /* Sending for review sends the last saved version: say so when there are unsaved changes. */
  var submitForm = document.querySelector('form[action$="/skicka"]');
  if (submitForm) {
    var warned = false;
    submitForm.addEventListener("submit", function (event) {
      if (warned || textarea.value === state.savedText) {
        return;
      }
      event.preventDefault();
      warned = true;
      var warning = el("p", "notice editor-unsaved", "Du har ändringar i texten som inte är sparade. Spara först – " +
        "annars skickas den senast sparade versionen. Klicka på knappen igen för att skicka ändå.");
      warning.id = "editor-unsaved";
      warning.setAttribute("role", "alert");
      submitForm.parentNode.insertBefore(warning, submitForm);
    });
  }

  var logoutForm = document.querySelector('form[action$="/logout"]');
  if (logoutForm) {
    logoutForm.addEventListener("submit", function () {
      /* On a shared computer, do not leave text behind that the server already holds. */
      if (state.autosavedText === textarea.value || state.savedText === textarea.value) {
        removeLocal(localKey());
      }
    });
  }

  if (accountSelect) {
    accountSelect.addEventListener("change", function () {
      /* The platform sets the character limit and the platform rules of the check. */
      var option = accountSelect.options[accountSelect.selectedIndex];
      if (option) {
        platform = option.getAttribute("data-platform") || null;
        limit = parseInt(option.getAttribute("data-limit") || "", 10);
        renderCount(textarea.value);
        state.analyzedText = null;
        scheduleAnalyze();
      }
      /* A new draft's autosave belongs to the chosen account. */
      if (autosaveUrl) {
        var url = new URL(autosaveUrl, window.location.href);
        url.searchParams.set("account", accountSelect.value);
        autosaveUrl = url.pathname + url.search;
        state.autosavedText = null;
      }
      writeLocal();
    });
  }

  window.addEventListener("pageshow", function (event) {
    if (event.persisted) {
      state.submitting = false; /* back from a save that never arrived */
    }
  });
  window.setInterval(autosave, AUTOSAVE_EVERY_MS);
  document.addEventListener("visibilitychange", function () {
    if (document.visibilityState === "hidden") {
      writeLocal();
      autosave({keepalive: true});
    }
  });
  window.addEventListener("online", function () {
    analyzeNow();
    autosave();
  });

  /* A page answered 400/409 shows the writer's unsaved text, not the saved version. */
  state.savedText = pageAnsweredOk() ? textarea.value : null;
  state.autosavedText = state.savedText;
  copyTextMetrics();
  pruneOldCopies();
  forgetSubmittedCopy();
  renderAll();
  offerRestore();
  if (textarea.value.trim()) {
    analyzeNow();
  }
})();
