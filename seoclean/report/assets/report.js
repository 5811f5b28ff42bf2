// seoclean scan report: table, filters and document view over the JSON embedded in the page.
// Page text is hostile input: every string reaches the page through textContent or an attribute
// set with setAttribute, never through innerHTML.
(function () {
  "use strict";

  const data = JSON.parse(document.getElementById("seoclean-data").textContent);
  const records = data.records;
  const CATS = data.categories;
  const CAT_SHORT = { "keyword-stuffing": "stuffing", spin: "spin", boilerplate: "boilerplate", duplicate: "duplicate" };
  const PAGE_SIZES = [50, 100, 500];
  const NUMERIC_FIELDS = new Set(["start", "end", "line", "column"]);
  const state = { key: "score", dir: -1, text: "", verdict: "", cats: new Set(), page: 0, pageSize: 100, view: [] };

  // Findings arrive as arrays of FINDING_FIELDS with strings as indexes into data.strings.
  function decodeFinding(row) {
    const finding = {};
    data.finding_fields.forEach(function (field, i) {
      const value = row[i];
      finding[field] = typeof value === "number" && !NUMERIC_FIELDS.has(field) ? data.strings[value] : value;
    });
    return finding;
  }

  records.forEach(function (rec, index) {
    rec.index = index;
    rec.findings = rec.findings.map(decodeFinding);
    rec.verdict = rec.status === "ok" ? (rec.label || "no verdict") : rec.status;
    rec.search = [rec.id, rec.error || "", rec.top].concat(rec.reasons).join("\n").toLowerCase();
  });

  const COLUMNS = [
    { key: "id", label: "Document", cls: "id", num: false },
    { key: "verdict", label: "Verdict", cls: "verdict", num: false },
    { key: "score", label: "Score", cls: "score", num: true },
    { key: "words", label: "Words", cls: "words", num: true },
  ].concat(CATS.map(function (cat) {
    return { key: "cat:" + cat, label: CAT_SHORT[cat] || cat, cls: "cat", num: true, cat: cat };
  })).concat([{ key: "top", label: "Main reason", cls: "top", num: false }]);

  // ---- small DOM helpers (text only) ----
  function el(tag, attrs, text) {
    const node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) { node.setAttribute(name, attrs[name]); });
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }
  function categoryClass(cat) { return CATS.indexOf(cat) >= 0 ? cat : "other"; }
  function formatScore(score) { return score === null || score === undefined ? "-" : score.toFixed(3); }
  function badge(verdict) { return el("span", { class: "badge " + verdict.replace(/\s+/g, "-") }, verdict); }

  // ---- sorting and filtering ----
  function sortValue(rec, key) {
    if (key === "id") return rec.id.toLowerCase();
    if (key === "verdict") return rec.verdict;
    if (key === "top") return rec.top.toLowerCase();
    if (key.indexOf("cat:") === 0) return rec.counts[key.slice(4)] || 0;
    const value = rec[key];
    return value === null || value === undefined ? null : value;
  }

  function matches(rec) {
    if (state.verdict && rec.verdict !== state.verdict) return false;
    if (state.text && rec.search.indexOf(state.text) < 0) return false;
    if (state.cats.size) {
      let any = false;
      state.cats.forEach(function (cat) { if (rec.counts[cat]) any = true; });
      if (!any) return false;
    }
    return true;
  }

  function computeView() {
    const key = state.key, dir = state.dir;
    // Read the search box now, not when its debounce timer fires, so that no filter change races it.
    state.text = document.getElementById("filter-text").value.trim().toLowerCase();
    state.view = records.filter(matches).sort(function (a, b) {
      const x = sortValue(a, key), y = sortValue(b, key);
      if (x === null || y === null) {  // documents without a value (errors) go last either way
        if (x !== y) return x === null ? 1 : -1;
      } else if (x < y) return -dir;
      else if (x > y) return dir;
      // Ties (and a scan without scores): the document with more findings first.
      return b.findings.length - a.findings.length || a.index - b.index;
    });
  }

  // ---- the table ----
  const table = document.getElementById("doc-table");
  const tbody = table.querySelector("tbody");

  function buildHeader() {
    const colgroup = el("colgroup");
    const row = table.querySelector("thead tr");
    COLUMNS.forEach(function (col) {
      colgroup.appendChild(el("col", { class: "c-" + col.cls }));
      const th = el("th", { scope: "col", class: col.num ? "num" : "" });
      const button = el("button", { type: "button", "data-key": col.key, title: "Sort by " + col.label }, col.label);
      button.addEventListener("click", function () { sortBy(col); });
      th.appendChild(button);
      row.appendChild(th);
    });
    table.insertBefore(colgroup, table.querySelector("thead"));
  }

  function sortBy(col) {
    if (state.key === col.key) state.dir = -state.dir;
    else { state.key = col.key; state.dir = col.num ? -1 : 1; }
    state.page = 0;
    refresh();
  }

  function renderHeader() {
    table.querySelectorAll("thead th").forEach(function (th, i) {
      const key = COLUMNS[i].key;
      if (key === state.key) th.setAttribute("aria-sort", state.dir < 0 ? "descending" : "ascending");
      else th.removeAttribute("aria-sort");
    });
  }

  function renderRow(rec) {
    const tr = el("tr", { "data-index": rec.index });
    if (current() === rec) tr.classList.add("selected");
    const idCell = el("td", { class: "id", title: rec.id });
    idCell.appendChild(el("a", { href: "#doc-" + (rec.index + 1) }, rec.id));
    tr.appendChild(idCell);
    const verdictCell = el("td", { class: "verdict" });
    verdictCell.appendChild(badge(rec.verdict));
    tr.appendChild(verdictCell);
    tr.appendChild(el("td", { class: "num score" }, formatScore(rec.score)));
    tr.appendChild(el("td", { class: "num words" }, rec.status === "ok" ? rec.words : "-"));
    CATS.forEach(function (cat) {
      const count = rec.counts[cat] || 0;
      tr.appendChild(el("td", { class: "num cat" + (count ? "" : " zero"), "data-cat": cat }, count));
    });
    tr.appendChild(el("td", { class: "top", title: rec.top }, rec.top));
    return tr;
  }

  function renderTable() {
    const total = state.view.length;
    const pages = Math.max(1, Math.ceil(total / state.pageSize));
    state.page = Math.min(state.page, pages - 1);
    const first = state.page * state.pageSize;
    const slice = state.view.slice(first, first + state.pageSize);
    const fragment = document.createDocumentFragment();
    slice.forEach(function (rec) { fragment.appendChild(renderRow(rec)); });
    tbody.replaceChildren(fragment);
    const filtered = total === records.length ? "" : " (filtered from " + records.length.toLocaleString("en") + ")";
    document.getElementById("row-count").textContent = total
      ? "Showing " + (first + 1).toLocaleString("en") + "-" + (first + slice.length).toLocaleString("en") + " of " +
        total.toLocaleString("en") + " documents" + filtered
      : "No document matches the filters" + filtered + ".";
    renderPager(pages);
  }

  function renderPager(pages) {
    const pager = document.getElementById("pager");
    const prev = el("button", { type: "button", class: "plain" }, "Previous page");
    const next = el("button", { type: "button", class: "plain" }, "Next page");
    prev.disabled = state.page === 0;
    next.disabled = state.page >= pages - 1;
    prev.addEventListener("click", function () { state.page -= 1; renderTable(); });
    next.addEventListener("click", function () { state.page += 1; renderTable(); });
    const size = el("select", { "aria-label": "Documents per page" });
    PAGE_SIZES.forEach(function (n) {
      const option = el("option", { value: n }, n + " per page");
      option.selected = n === state.pageSize;
      size.appendChild(option);
    });
    size.addEventListener("change", function () { state.pageSize = Number(size.value); state.page = 0; renderTable(); });
    pager.replaceChildren(prev, el("span", {}, "Page " + (state.page + 1) + " of " + pages), next, size);
  }

  function refresh() {
    computeView();
    renderHeader();
    renderTable();
    const rec = current();
    detail.querySelectorAll("button[data-step]").forEach(function (button) {
      button.disabled = !rec || !neighbour(rec, Number(button.getAttribute("data-step")));
    });
  }

  // ---- filters ----
  function buildFilters() {
    let timer = null;
    const text = document.getElementById("filter-text");
    text.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () { state.page = 0; refresh(); }, 120);
    });
    const verdict = document.getElementById("filter-label");
    verdict.addEventListener("change", function () { state.verdict = verdict.value; state.page = 0; refresh(); });
    const fieldset = document.getElementById("filter-categories");
    CATS.forEach(function (cat) {
      const box = el("input", { type: "checkbox", value: cat });
      box.addEventListener("change", function () {
        if (box.checked) state.cats.add(cat); else state.cats.delete(cat);
        state.page = 0;
        refresh();
      });
      const label = el("label");
      label.appendChild(box);
      label.appendChild(document.createTextNode(" " + cat));
      fieldset.appendChild(label);
    });
    document.getElementById("filters").addEventListener("submit", function (event) { event.preventDefault(); });
    tbody.addEventListener("click", function (event) {
      const row = event.target.closest("tr");
      if (row && !event.target.closest("a")) location.hash = "doc-" + (Number(row.getAttribute("data-index")) + 1);
    });
  }

  // ---- the document view ----
  const detail = document.getElementById("detail");

  function current() {
    const match = /^#doc-(\d+)$/.exec(location.hash);
    return match ? records[Number(match[1]) - 1] || null : null;
  }

  function describeFinding(f) {
    let text = f.rule + " " + f.category + " (" + f.severity + "), line " + f.line + ":" + f.column + ": " + f.message;
    if (f.suggestion === "") text += "\nsuggestion: delete this";
    else if (f.suggestion !== null && f.suggestion !== undefined) text += "\nsuggestion: replace with \u201c" + f.suggestion + "\u201d";
    return text;
  }

  function spanOf(f, length) {
    const start = Math.max(0, Math.min(length, f.start)), end = Math.max(0, Math.min(length, f.end));
    return [start, end];
  }

  // Findings may nest and overlap: cut the text at every finding boundary and mark each piece with
  // all the findings that cover it, coloured by the innermost one, with a bar for a second category.
  function highlightedText(text, findings) {
    const pre = el("pre", { class: "doc-text", id: "detail-text", tabindex: "0" });
    const cuts = new Set([0, text.length]);
    const starting = new Map();
    findings.forEach(function (f, i) {
      const span = spanOf(f, text.length);
      if (span[1] <= span[0]) return;
      cuts.add(span[0]); cuts.add(span[1]);
      if (!starting.has(span[0])) starting.set(span[0], []);
      starting.get(span[0]).push(i);
    });
    const points = Array.from(cuts).sort(function (a, b) { return a - b; });
    let active = [];
    for (let k = 0; k < points.length - 1; k++) {
      const from = points[k], to = points[k + 1];
      active = active.filter(function (i) { return spanOf(findings[i], text.length)[1] > from; })
        .concat(starting.get(from) || []);
      const piece = text.slice(from, to);
      pre.appendChild(active.length ? markFor(piece, active, findings) : document.createTextNode(piece));
    }
    return pre;
  }

  function markFor(piece, active, findings) {
    const bySize = active.slice().sort(function (a, b) {
      return (findings[a].end - findings[a].start) - (findings[b].end - findings[b].start) || a - b;
    });
    const primary = categoryClass(findings[bySize[0]].category);
    const mark = el("mark", {
      class: "hl cat-" + primary,
      "data-f": " " + active.join(" ") + " ",
      "data-rules": Array.from(new Set(active.map(function (i) { return findings[i].rule; }))).join(" "),
      title: bySize.map(function (i) { return describeFinding(findings[i]); }).join("\n\n"),
    }, piece);
    const other = bySize.slice().reverse().find(function (i) { return categoryClass(findings[i].category) !== primary; });
    if (other !== undefined) mark.classList.add("also-" + categoryClass(findings[other].category));
    return mark;
  }

  function showFinding(index) {
    const marks = detail.querySelectorAll('mark[data-f*=" ' + index + ' "]');
    detail.querySelectorAll(".flash").forEach(function (node) { node.classList.remove("flash"); });
    marks.forEach(function (mark) { mark.classList.add("flash"); });
    if (marks.length) marks[0].scrollIntoView({ block: "center" });
  }

  function findingsTable(rec) {
    const table = el("table", { class: "findings" });
    const head = el("tr");
    ["#", "Rule", "Category", "Severity", "Line:col", "Text", "Message", "Suggestion", ""].forEach(function (name) {
      head.appendChild(el("th", { scope: "col" }, name));
    });
    table.appendChild(el("thead")).appendChild(head);
    const body = table.appendChild(el("tbody"));
    rec.findings.forEach(function (f, i) {
      const row = el("tr", { "data-finding": i });
      const quote = rec.text !== undefined ? rec.text.slice(f.start, f.end) : f.text || "";
      row.appendChild(el("td", {}, i + 1));
      row.appendChild(el("td")).appendChild(el("code", {}, f.rule));
      const cat = row.appendChild(el("td"));
      cat.appendChild(el("span", { class: "swatch cat-" + categoryClass(f.category), "aria-hidden": "true" }));
      cat.appendChild(document.createTextNode(f.category));
      row.appendChild(el("td", { class: "sev-" + f.severity }, f.severity));
      row.appendChild(el("td", {}, f.line + ":" + f.column));
      row.appendChild(el("td", { class: "quote" }, quote.length > 160 ? quote.slice(0, 157) + "..." : quote));
      row.appendChild(el("td", {}, f.message));
      row.appendChild(el("td", {}, f.suggestion === "" ? "delete" : f.suggestion === null ? "-" : f.suggestion));
      const action = row.appendChild(el("td"));
      if (rec.text !== undefined && f.end > f.start) {
        const button = el("button", { type: "button", class: "plain", "aria-label": "Show finding " + (i + 1) + " in the text" }, "show");
        button.addEventListener("click", function () { showFinding(i); });
        action.appendChild(button);
      }
      body.appendChild(row);
    });
    return table;
  }

  function legend(rec) {
    const box = el("div", { class: "legend", "aria-label": "Highlight colours" });
    CATS.concat(["other"]).forEach(function (cat) {
      const count = rec.findings.filter(function (f) { return categoryClass(f.category) === cat; }).length;
      if (cat === "other" && !count) return;
      const item = el("span");
      item.appendChild(el("span", { class: "swatch cat-" + cat, "aria-hidden": "true" }));
      item.appendChild(document.createTextNode(cat + " (" + count + ")"));
      box.appendChild(item);
    });
    return box;
  }

  // The neighbour in the table's current order, looked up on click: the order may have changed
  // (a new sort or filter) since the document was opened.
  function neighbour(rec, step) {
    const position = state.view.indexOf(rec);
    return position < 0 ? null : state.view[position + step] || null;
  }

  function navButton(label, rec, step) {
    const button = el("button", { type: "button", class: "plain", "data-step": step }, label);
    button.disabled = !neighbour(rec, step);
    button.addEventListener("click", function () {
      const target = neighbour(rec, step);
      if (target) location.hash = "doc-" + (target.index + 1);
    });
    return button;
  }

  function textPanel(heading, content) {
    const panel = el("div", { class: "panel" });
    panel.appendChild(el("h3", {}, heading));
    panel.appendChild(content);
    return panel;
  }

  function renderDetail(rec) {
    const nav = el("div", { class: "detail-nav" });
    nav.appendChild(navButton("\u2190 Previous document", rec, -1));
    nav.appendChild(navButton("Next document \u2192", rec, 1));
    nav.appendChild(el("span", { class: "spacer" }));
    const close = el("button", { type: "button", class: "plain" }, "Close (Esc)");
    close.addEventListener("click", closeDetail);
    nav.appendChild(close);

    const meta = el("p", { class: "detail-meta" });
    meta.appendChild(badge(rec.verdict));
    const facts = [];
    if (rec.score !== null) facts.push("score " + formatScore(rec.score));
    if (rec.status === "ok") facts.push(rec.words + " words", rec.findings.length + " findings");
    if (rec.format) facts.push(rec.format);
    if (rec.language) facts.push("language " + rec.language);
    meta.appendChild(document.createTextNode(" " + facts.join(" \u00b7 ")));

    const parts = [nav, el("h2", { id: "detail-heading" }, rec.id), meta];
    if (rec.error) parts.push(el("p", { class: "error-message" }, rec.error));
    if (rec.reasons.length) {
      parts.push(el("h3", {}, "Reasons"));
      const list = el("ol", { class: "reasons" });
      rec.reasons.forEach(function (reason) { list.appendChild(el("li", {}, reason)); });
      parts.push(list);
    }
    if (rec.text !== undefined || rec.clean !== undefined) {
      parts.push(legend(rec));
      const columns = el("div", { class: "columns" });
      columns.appendChild(textPanel("Text with findings highlighted", rec.text !== undefined
        ? highlightedText(rec.text, rec.findings) : el("p", { class: "note" }, "The text is not included in this report.")));
      columns.appendChild(textPanel("Cleaned version", rec.clean !== undefined
        ? el("pre", { class: "doc-text", id: "detail-clean", tabindex: "0" }, rec.clean)
        : el("p", { class: "note" }, "No cleaned version in this report.")));
      parts.push(columns);
    } else if (rec.status === "ok") {
      parts.push(el("p", { class: "note" }, "The text and cleaned version are not included in this report."));
    }
    if (rec.findings.length) {
      parts.push(el("h3", {}, "Findings (" + rec.findings.length + ")"));
      parts.push(findingsTable(rec));
    }
    detail.replaceChildren.apply(detail, parts);
  }

  function closeDetail() {
    history.pushState(null, "", location.pathname + location.search);
    route();
    document.getElementById("documents-heading").scrollIntoView();
  }

  function route() {
    const rec = current();
    tbody.querySelectorAll("tr.selected").forEach(function (row) { row.classList.remove("selected"); });
    if (!rec) {
      detail.hidden = true;
      detail.replaceChildren();
      return;
    }
    const row = tbody.querySelector('tr[data-index="' + rec.index + '"]');
    if (row) row.classList.add("selected");
    renderDetail(rec);
    detail.hidden = false;
    detail.focus({ preventScroll: true });
    detail.scrollIntoView({ block: "start" });
  }

  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && !detail.hidden) closeDetail();
  });
  window.addEventListener("hashchange", route);

  buildHeader();
  buildFilters();
  refresh();
  route();
})();
