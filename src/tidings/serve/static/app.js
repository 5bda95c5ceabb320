/* tidings dashboard: reads the JSON API; every view and filter lives in the URL (bookmark, share, back). */
"use strict";
const FILTERS = ["actor", "source", "target", "quad", "code", "plover", "factuality", "attribution", "country",
  "since", "until", "q"];
const QUAD = { 1: "Verbal cooperation", 2: "Material cooperation", 3: "Verbal conflict", 4: "Material conflict" };
const QUAD_COLOR = { 1: "#3a9a68", 2: "#2b74b8", 3: "#e09a2b", 4: "#c23b32" };
const charts = [];
let worldReady = null;

const $ = (sel, root = document) => root.querySelector(sel);
const esc = (v) => String(v ?? "").replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;",
  '"': "&quot;", "'": "&#39;" })[c]);
const state = () => new URLSearchParams(location.search);

function filterParams(params = state()) {
  const out = new URLSearchParams();
  for (const k of FILTERS) if (params.get(k)) out.set(k, params.get(k));
  return out;
}
function go(changes, { replace = false } = {}) {
  const p = state();
  for (const [k, v] of Object.entries(changes)) (v === null || v === "" || v === undefined) ? p.delete(k) : p.set(k, v);
  const url = "/" + (p.toString() ? "?" + p : "");
  if (replace) history.replaceState(null, "", url); else history.pushState(null, "", url);
  render();
}
async function api(path, params) {
  const url = "/api" + path + (params && params.toString() ? "?" + params : "");
  const r = await fetch(url);
  const body = await r.json();
  if (!r.ok) throw new Error(body.error ? `${body.error.code}: ${body.error.message}` : r.statusText);
  return body;
}
function goldColor(g) {  // -10 red .. 0 grey .. +10 green
  const t = Math.max(-1, Math.min(1, (g ?? 0) / 10));
  const mix = (a, b, f) => Math.round(a + (b - a) * f);
  const [r, gg, b] = t < 0 ? [mix(150, 200, -t), mix(150, 50, -t), mix(150, 45, -t)]
    : [mix(150, 40, t), mix(150, 150, t), mix(150, 90, t)];
  return `rgb(${r},${gg},${b})`;
}
const quadBadge = (q) => `<span class="badge q${q}" title="Quad class ${q}">${esc(QUAD[q] || q)}</span>`;
const factBadge = (f) => `<span class="badge f-${esc(f)}" data-factuality="${esc(f)}">${esc(f)}</span>`;
const attrBadge = (e) => e.attribution_name || e.attribution_text
  ? `<span class="badge attr" title="attributed to">according to ${esc(e.attribution_name || e.attribution_text)}</span>`
  : `<span class="badge attr muted">unattributed</span>`;
const actorLink = (code, name) => code
  ? `<a href="?view=actor&id=${encodeURIComponent(code)}" data-actor="${esc(code)}"><span class="code">${esc(code)}</span></a>` +
    (name ? ` <span class="muted">${esc(name)}</span>` : "") : `<span class="muted">–</span>`;

function disposeCharts() { while (charts.length) charts.pop().dispose(); }
function chart(el) { const c = echarts.init(el, null, { renderer: "canvas" }); charts.push(c); return c; }
window.addEventListener("resize", () => charts.forEach((c) => c.resize()));

/* ------------------------------------------------------------------ filters form <-> URL */
function syncForm() {
  const p = state(), form = $("#filters");
  for (const k of FILTERS) if (form.elements[k]) form.elements[k].value = p.get(k) || "";
}
$("#filters").addEventListener("submit", (ev) => {
  ev.preventDefault();
  const form = ev.target, changes = { view: null, id: null, event: null, offset: null };
  for (const k of FILTERS) changes[k] = form.elements[k].value.trim();
  go(changes);
});
$("#reset").addEventListener("click", () => { history.pushState(null, "", "/"); render(); });
document.addEventListener("click", (ev) => {
  const a = ev.target.closest("a[href^='?'], a[data-nav]");
  if (a && !ev.metaKey && !ev.ctrlKey) { ev.preventDefault(); history.pushState(null, "", a.getAttribute("href")); render(); }
});
window.addEventListener("popstate", render);

/* actor search box */
let searchTimer = null;
$("#actor-q").addEventListener("input", (ev) => {
  clearTimeout(searchTimer);
  const q = ev.target.value.trim(), box = $("#actor-results");
  if (!q) { box.hidden = true; return; }
  searchTimer = setTimeout(async () => {
    const res = await api("/actors", new URLSearchParams({ q, limit: "8" }));
    box.innerHTML = res.rows.map((a) => `<a href="?view=actor&id=${encodeURIComponent(a.code)}">
      <span><span class="code">${esc(a.code)}</span> ${esc(a.names.slice(0, 2).join(", "))}</span>
      <span class="muted">${a.events}</span></a>`).join("") || `<div class="muted" style="padding:8px">no actor</div>`;
    box.hidden = false;
  }, 150);
});
$("#actor-search").addEventListener("submit", (ev) => ev.preventDefault());
document.addEventListener("click", (ev) => { if (!ev.target.closest("#actor-search")) $("#actor-results").hidden = true; });

/* ------------------------------------------------------------------ router */
async function render() {
  syncForm();
  $("#actor-results").hidden = true;
  const p = state(), view = p.get("view") || "events";
  disposeCharts();
  try {
    if (view === "actor") await renderActor(p.get("id"));
    else if (view === "article") await renderArticle(p.get("id"));
    else await renderEvents(p);
    if (p.get("event")) await renderDrawer(p.get("event")); else $("#drawer").hidden = true;
  } catch (err) {
    $("#main").innerHTML = `<div class="error" role="alert">${esc(err.message)}</div>`;
  }
}

/* ------------------------------------------------------------------ events view */
async function renderEvents(p) {
  const main = $("#main"), f = filterParams(p);
  const sort = p.get("sort") || "-date", offset = Number(p.get("offset") || 0), limit = 25;
  const chips = [...f.entries()].map(([k, v]) => `<span class="chip">${esc(k)}: ${esc(v)}</span>`).join("");
  main.innerHTML = `
    <div class="summary"><strong id="total">…</strong><span>events</span><div class="chips">${chips}</div></div>
    <div class="grid">
      <section class="panel wide"><h2 id="timeline-title">Events by quad class</h2><div id="timeline" class="chart"></div></section>
      <section class="panel"><h2>Actor network <span class="muted" style="text-transform:none">· edge width = events, colour = mean Goldstein</span></h2><div id="network" class="chart tall"></div></section>
      <section class="panel"><h2>Where</h2><div id="map" class="chart tall"></div></section>
      <section class="panel wide"><h2>Events</h2><div id="table"><div class="loading">loading…</div></div></section>
    </div>`;
  const list = new URLSearchParams(f); list.set("sort", sort); list.set("limit", limit); list.set("offset", offset);
  const meta = await window.__meta;
  const lo = f.get("since") || meta.first_date, hi = f.get("until") || meta.last_date;
  const days = lo && hi ? (Date.parse(hi) - Date.parse(lo)) / 864e5 : 0;
  const interval = days > 730 ? "month" : days > 120 ? "week" : "day";
  $("#timeline-title").textContent = `Events per ${interval} by quad class`;
  const tlp = new URLSearchParams([...f, ["interval", interval]]);
  const [events, tl, dyads, places] = await Promise.all([api("/events", list), api("/timeline", tlp),
    api("/dyads", new URLSearchParams([...f, ["limit", "80"]])), api("/places", f)]);
  $("#total").textContent = events.total.toLocaleString();
  drawTimeline($("#timeline"), tl);
  drawNetwork($("#network"), dyads.rows);
  drawMap($("#map"), places.rows);
  drawTable($("#table"), events, sort, offset, limit);
}

function fillPeriods(have, interval) {  // every period between the first and the last, so gaps show
  if (have.length < 2) return have;
  const out = [], end = new Date(have[have.length - 1] + "T00:00:00Z");
  for (let d = new Date(have[0] + "T00:00:00Z"); d <= end && out.length < 2000;) {
    out.push(d.toISOString().slice(0, 10));
    if (interval === "month") d.setUTCMonth(d.getUTCMonth() + 1);
    else d.setUTCDate(d.getUTCDate() + (interval === "week" ? 7 : 1));
  }
  return out;
}
function drawTimeline(el, tl) {
  const periods = fillPeriods([...new Set(tl.rows.map((r) => r.period))].sort(), tl.interval);
  const series = [1, 2, 3, 4].map((q) => {
    const by = new Map(tl.rows.filter((r) => r.key === q).map((r) => [r.period, r.events]));
    return { name: QUAD[q], type: "bar", stack: "all", itemStyle: { color: QUAD_COLOR[q] }, barMaxWidth: 28,
      data: periods.map((d) => by.get(d) || 0) };
  });
  chart(el).setOption({ grid: { left: 40, right: 16, top: 30, bottom: 50 }, tooltip: { trigger: "axis" },
    legend: { top: 0 }, xAxis: { type: "category", data: periods }, yAxis: { type: "value", minInterval: 1 },
    dataZoom: [{ type: "slider", height: 16, bottom: 6 }, { type: "inside" }], series });
}

function drawNetwork(el, rows) {
  const nodes = new Map();
  for (const r of rows) for (const [c, n] of [[r.source, r.source_label || r.source_name],
    [r.target, r.target_label || r.target_name]]) {
    const node = nodes.get(c) || { id: c, name: c, full: n, value: 0 };
    node.value += r.events; nodes.set(c, node);
  }
  const max = Math.max(1, ...rows.map((r) => r.events));
  const c = chart(el);
  c.setOption({
    tooltip: { formatter: (x) => x.dataType === "edge"
      ? `${esc(x.data.source)} → ${esc(x.data.target)}<br>${x.data.events} events · Goldstein ${x.data.goldstein}`
      : `<b>${esc(x.data.id)}</b> ${esc(x.data.full || "")}<br>${x.data.value} events` },
    series: [{ type: "graph", layout: "force", roam: true, zoom: 0.8, draggable: true, edgeSymbol: ["none", "arrow"],
      edgeSymbolSize: 6, force: { repulsion: 180, edgeLength: [50, 120], gravity: 0.08 },
      label: { show: true, position: "right", fontSize: 11,
        formatter: (x) => x.data.full ? `${x.data.full} (${x.data.id})` : x.data.id },
      data: [...nodes.values()].map((n) => ({ ...n, symbolSize: 8 + 18 * Math.sqrt(n.value / max),
        itemStyle: { color: "#4a5a80" } })),
      links: rows.map((r) => ({ source: r.source, target: r.target, events: r.events, goldstein: r.goldstein,
        lineStyle: { width: 1 + 5 * r.events / max, color: goldColor(r.goldstein), opacity: 0.85, curveness: 0.15 } })),
    }],
  });
  c.on("click", (x) => { if (x.dataType === "node") go({ actor: x.data.id, offset: null, event: null }); });
}

async function loadWorld() {
  if (!worldReady) worldReady = fetch("/static/vendor/countries-110m.json").then((r) => r.json()).then((topo) => {
    echarts.registerMap("world", topojson.feature(topo, topo.objects.countries));
  });
  return worldReady;
}
async function drawMap(el, rows) {
  await loadWorld();
  const max = Math.max(1, ...rows.map((r) => r.events));
  const c = chart(el);
  c.setOption({
    tooltip: { formatter: (x) => x.data ? `<b>${esc(x.data.name)}</b> ${esc(x.data.country || "")}<br>` +
      `${x.data.events} events · Goldstein ${x.data.goldstein}` : esc(x.name) },
    geo: { map: "world", roam: true, zoom: 1.15, itemStyle: { areaColor: "#e9edf3", borderColor: "#b9c2d0" },
      emphasis: { itemStyle: { areaColor: "#dde4ee" }, label: { show: false } } },
    series: [{ type: "scatter", coordinateSystem: "geo",
      data: rows.map((r) => ({ name: r.name, value: [r.lon, r.lat, r.events], events: r.events,
        goldstein: r.goldstein, country: r.country, itemStyle: { color: goldColor(r.goldstein), opacity: 0.85,
          borderColor: "#fff", borderWidth: 1 } })),
      symbolSize: (v) => 7 + 16 * Math.sqrt(v[2] / max) }],
  });
  c.on("click", (x) => { if (x.componentType === "series" && x.data.country) go({ country: x.data.country, offset: null }); });
}

function drawTable(el, page, sort, offset, limit) {
  const cols = [["date", "Date"], ["source", "Source"], ["code", "Event"], ["target", "Target"], ["quad", "Quad"],
    ["goldstein", "Goldstein"], ["factuality", "Factuality"], [null, "Attributed to"], [null, "Where"], [null, "Evidence"]];
  const key = sort.replace(/^-/, ""), desc = sort.startsWith("-");
  const head = cols.map(([k, label]) => k
    ? `<th class="sortable" data-sort="${k}">${label} <span class="arrow">${k === key ? (desc ? "▼" : "▲") : ""}</span></th>`
    : `<th>${label}</th>`).join("");
  const body = page.rows.map((e) => `<tr class="row" data-event="${esc(e.id)}">
    <td class="code nowrap">${esc(e.date || "")}</td><td>${actorLink(e.source_code, e.source_label)}</td>
    <td><span class="code">${esc(e.cameo_code)}</span> ${esc(e.cameo_name)}</td><td>${actorLink(e.target_code, e.target_label)}</td>
    <td>${quadBadge(e.quad_class)}</td><td class="code" style="color:${goldColor(e.goldstein)}">${e.goldstein}</td>
    <td>${factBadge(e.factuality)}</td><td>${esc(e.attribution_name || e.attribution_text || "")}</td>
    <td>${esc(e.location_name || "")}</td><td class="ev">${esc(e.evidence)}</td></tr>`).join("");
  el.innerHTML = page.rows.length ? `<table id="events-table"><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>
    <div class="pager"><span>${(offset + 1).toLocaleString()}–${(offset + page.rows.length).toLocaleString()} of ${page.total.toLocaleString()}</span>
    <button class="secondary" id="prev" ${offset ? "" : "disabled"}>← Previous</button>
    <button class="secondary" id="next" ${offset + limit < page.total ? "" : "disabled"}>Next →</button>
    <a href="/api/events?${new URLSearchParams([...filterParams(), ["sort", sort], ["limit", "500"], ["format", "csv"]])}">CSV</a></div>`
    : `<div class="note">No event matches these filters.</div>`;
  el.querySelectorAll("th.sortable").forEach((th) => th.addEventListener("click", () => {
    const k = th.dataset.sort; go({ sort: k === key && desc ? k : "-" + k, offset: null });
  }));
  el.querySelectorAll("tr.row").forEach((tr) => tr.addEventListener("click", (ev) => {
    if (!ev.target.closest("a")) go({ event: tr.dataset.event });
  }));
  const prev = $("#prev", el), next = $("#next", el);
  if (prev) prev.onclick = () => go({ offset: Math.max(0, offset - limit) || null });
  if (next) next.onclick = () => go({ offset: offset + limit });
}

/* ------------------------------------------------------------------ event detail (drawer) */
function highlight(text, spans) {
  let out = "", at = 0;
  for (const h of [...spans].sort((a, b) => a.start - b.start)) {
    if (h.start < at) continue;
    out += esc(text.slice(at, h.start)) +
      `<mark class="h-${esc(h.role)}" data-role="${esc(h.role)}" title="${esc(h.role)}">${esc(text.slice(h.start, h.end))}</mark>`;
    at = h.end;
  }
  return out + esc(text.slice(at));
}
const LEGEND = `<div class="legend"><mark class="h-source">source</mark><mark class="h-trigger">trigger</mark>
  <mark class="h-target">target</mark><mark class="h-attribution">attribution</mark><mark class="h-location">place</mark></div>`;

async function renderDrawer(id) {
  const d = $("#drawer");
  d.hidden = false; d.innerHTML = `<div class="loading">loading…</div>`;
  const e = await api("/events/" + encodeURIComponent(id));
  const art = e.article || {};
  d.innerHTML = `<button class="secondary close" id="close-drawer">Close ✕</button>
    <div class="muted code">event ${esc(e.id)}</div>
    <h1>${esc(e.cameo_name)} <span class="code">${esc(e.cameo_code)}</span></h1>
    <div class="chips">${quadBadge(e.quad_class)} ${factBadge(e.factuality)} ${attrBadge(e)}
      ${e.plover_type ? `<span class="badge attr">PLOVER ${esc(e.plover_type)}${e.plover_mode ? " / " + esc(e.plover_mode) : ""}</span>` : ""}</div>
    <div class="evidence" id="evidence">${highlight(e.evidence, e.highlights)}</div>${LEGEND}
    <dl class="facts">
      <dt>Source</dt><dd>${actorLink(e.source_code, e.source_name)} <span class="muted">“${esc(e.source_text || "")}”</span></dd>
      <dt>Target</dt><dd>${actorLink(e.target_code, e.target_name)} <span class="muted">“${esc(e.target_text || "")}”</span></dd>
      <dt>Date</dt><dd>${esc(e.date || "unknown")} <span class="muted">${e.date_text ? "from “" + esc(e.date_text) + "”" : "publication date"} · ${esc(e.date_precision || "")}</span></dd>
      <dt>Goldstein</dt><dd style="color:${goldColor(e.goldstein)};font-weight:600">${e.goldstein}</dd>
      <dt>Attributed to</dt><dd>${esc(e.attribution_name || e.attribution_text || "—")} ${e.attribution_cue ? `<span class="muted">(cue “${esc(e.attribution_cue)}”)</span>` : ""}</dd>
      <dt>Where</dt><dd>${esc(e.location_name || "—")} ${e.location_country ? `<span class="muted">${esc(e.location_country)}</span>` : ""}</dd>
      <dt>Reported by</dt><dd>${e.num_mentions} mention(s) in ${e.num_articles} article(s) from ${e.num_sources} source(s)</dd>
      <dt>Article</dt><dd><a href="?view=article&id=${encodeURIComponent(e.article_id)}">${esc(art.title || e.article_id)}</a>
        ${art.url && /^https?:/.test(art.url) ? ` · <a href="${esc(art.url)}" target="_blank" rel="noopener">original ↗</a>` : ""}
        <span class="muted">${esc(art.published || "")}</span></dd>
      <dt>Coded by</dt><dd class="code">${esc(e.rule)} · ${esc(e.coder)}</dd>
    </dl>
    ${e.mentions.length > 1 ? `<h2 style="font-size:13px">Also reported in</h2><ul>${e.mentions.filter((m) => !m.is_first)
      .map((m) => `<li><a href="?view=article&id=${encodeURIComponent(m.id)}">${esc(m.title || m.id)}</a> <span class="muted">${esc(m.site || "")}</span></li>`).join("")}</ul>` : ""}`;
  $("#close-drawer").onclick = () => go({ event: null });
}
document.addEventListener("keydown", (ev) => { if (ev.key === "Escape" && state().get("event")) go({ event: null }); });

/* ------------------------------------------------------------------ article view */
async function renderArticle(id) {
  const a = await api("/articles/" + encodeURIComponent(id));
  let html = "", at = 0;
  const sents = [];
  for (const e of a.events) if (!sents.length || e.span_start >= sents[sents.length - 1].end)
    sents.push({ start: e.span_start, end: e.span_end, events: a.events.filter((x) => x.span_start === e.span_start) });
  for (const s of sents) {
    const spans = s.events.flatMap((e) => e.highlights).map((h) => ({ ...h, start: h.start - s.start, end: h.end - s.start }));
    const uniq = spans.filter((h, i) => spans.findIndex((o) => o.start === h.start) === i);
    html += esc(a.text.slice(at, s.start)) + `<span class="sent" data-event="${esc(s.events[0].id)}">` +
      highlight(a.text.slice(s.start, s.end), uniq) + "</span>";
    at = s.end;
  }
  html += esc(a.text.slice(at));
  $("#main").innerHTML = `<a href="?${filterParams()}">← events</a>
    <h1>${esc(a.title || a.name)}</h1>
    <div class="chips"><span class="chip">${esc(a.published || "no date")}</span>${a.site ? `<span class="chip">${esc(a.site)}</span>` : ""}
      <span class="chip">${a.events.length} events</span>${a.duplicate_of ? `<span class="chip">copy of <a href="?view=article&id=${encodeURIComponent(a.duplicate_of)}">${esc(a.duplicate_of)}</a></span>` : ""}
      ${a.url && /^https?:/.test(a.url) ? `<a class="chip" href="${esc(a.url)}" target="_blank" rel="noopener">original ↗</a>` : ""}</div>
    <div class="grid" style="margin-top:12px"><section class="panel"><h2>Clean text</h2>${LEGEND}
      <div class="article-text" id="article-text">${html}</div></section>
    <section class="panel"><h2>Events</h2><table><tbody>${a.events.map((e) => `<tr class="row" data-event="${esc(e.id)}">
      <td>${actorLink(e.source_code, e.source_label)}</td><td><span class="code">${esc(e.cameo_code)}</span> ${esc(e.cameo_name)}</td>
      <td>${actorLink(e.target_code, e.target_label)}</td><td>${factBadge(e.factuality)}</td></tr>`).join("")}</tbody></table></section></div>`;
  document.querySelectorAll("#main [data-event]").forEach((el) => el.addEventListener("click", (ev) => {
    if (!ev.target.closest("a")) go({ event: el.dataset.event });
  }));
}

/* ------------------------------------------------------------------ actor view */
function claimCard(c) {
  return `<div class="claim"><div class="meta"><span class="badge attr">${esc(c.type)}${c.polarity === "negative" ? " (not)" : ""}</span>
    ${factBadge(c.factuality)}<span>${esc(c.refers_to || "undated")}</span>
    <span>· ${c.attribution ? "according to " + esc(c.attribution.name || c.attribution.text) : "unattributed"}</span>
    <span>· published ${esc(c.made_on || "?")}</span></div>
    <div>${highlight(c.evidence, [{ role: "trigger", start: c.cue_span[0] - c.span[0], end: c.cue_span[1] - c.span[0] }])}</div>
    <div class="meta" style="margin-top:4px"><a href="?view=article&id=${encodeURIComponent(c.doc_id)}">article ${esc(c.doc_id)}</a></div></div>`;
}
async function renderActor(code) {
  const a = await api("/actors/" + encodeURIComponent(code));
  const people = a.people || [];
  const kpis = [[a.events, "events"], [a.as_source, "as source"], [a.as_target, "as target"],
    [a.goldstein ?? "–", "mean Goldstein"], [`${a.first_date || "?"} → ${a.last_date || "?"}`, "active"]];
  // "days unseen" only for people with appearance evidence: a name mentioned once is no alert
  for (const p of people.filter((x) => x.last_seen)) kpis.push([p.last_seen.date, `${p.person} last seen`],
    [p.days_unseen ?? "–", `days unseen as of ${p.as_of}`]);
  $("#main").innerHTML = `<a href="?${filterParams()}">← events</a>
    <h1>${esc(a.label || a.names[0] || a.code)} <span class="code">${esc(a.code)}</span></h1>
    <div class="chips">${a.names.slice(0, 12).map((n) => `<span class="chip" title="as named in articles">${esc(n)}</span>`).join("")}
      ${a.country ? `<span class="chip">country ${esc(a.country)}</span>` : ""}${a.sector ? `<span class="chip">sector ${esc(a.sector)}</span>` : ""}
      <a class="chip" href="?actor=${encodeURIComponent(a.code)}">all events of ${esc(a.code)} →</a></div>
    <div class="kpis" id="kpis">${kpis.map(([v, l], i) => `<div class="kpi${i >= 5 && i % 2 === 0 && v !== "–" && Number(v) > 7 ? " alert" : ""}"><b>${esc(v)}</b><span>${esc(l)}</span></div>`).join("")}</div>
    <div class="grid">
      <section class="panel"><h2>Events by month</h2><div id="months" class="chart"></div></section>
      <section class="panel"><h2>Top partners</h2><table><thead><tr><th>Partner</th><th>Events</th><th>Mean Goldstein</th><th>Conflict</th></tr></thead><tbody>
        ${a.partners.map((p) => `<tr><td>${actorLink(p.code, p.label || p.name)}</td><td>${p.events}</td>
          <td style="color:${goldColor(p.goldstein)};font-weight:600">${p.goldstein}</td><td>${p.conflict}</td></tr>`).join("")}</tbody></table></section>
      <section class="panel wide"><h2>Presence timeline</h2>${a.claims_note ? `<div class="note">${esc(a.claims_note)}</div>` :
        people.length ? `<div id="presence" class="chart"></div>` : `<div class="note">No sightings of people under ${esc(a.code)} in this store.</div>`}</section>
      <section class="panel wide"><h2>Contradictions</h2><div id="contradictions">${a.contradictions.length ? a.contradictions.map((c) =>
        `<div class="muted" style="margin-bottom:4px"><b>${esc(c.kind)}</b> · ${esc(c.note)}</div>
         <div class="pair">${claimCard(c.first)}<div class="vs">vs</div>${claimCard(c.second)}</div>`).join("")
        : `<div class="note">${a.claims_note ? esc(a.claims_note) : "No contradicting claims."}</div>`}</div></section>
      <section class="panel wide"><h2>Claims (${a.claims.length})</h2><div style="display:grid;gap:8px">${a.claims.map(claimCard).join("") ||
        `<div class="note">No claims.</div>`}</div></section>
      <section class="panel wide"><h2>Recent events</h2><table><tbody>${a.recent.map((e) => `<tr class="row" data-event="${esc(e.id)}">
        <td class="code">${esc(e.date || "")}</td><td>${actorLink(e.source_code, e.source_label)}</td><td>${esc(e.cameo_name)}</td>
        <td>${actorLink(e.target_code, e.target_label)}</td><td>${factBadge(e.factuality)}</td><td class="ev">${esc(e.evidence)}</td></tr>`).join("")}</tbody></table></section>
    </div>`;
  const months = [...new Set(a.months.map((m) => m.month))].sort();
  chart($("#months")).setOption({ grid: { left: 36, right: 10, top: 30, bottom: 24 }, tooltip: { trigger: "axis" },
    legend: { top: 0 }, xAxis: { type: "category", data: months }, yAxis: { type: "value", minInterval: 1 },
    series: [1, 2, 3, 4].map((q) => ({ name: QUAD[q], type: "bar", stack: "m", itemStyle: { color: QUAD_COLOR[q] },
      barMaxWidth: 30, data: months.map((m) => (a.months.find((x) => x.month === m && x.quad_class === q) || {}).events || 0) })) });
  if ($("#presence")) drawPresence($("#presence"), people, a.claims);
  document.querySelectorAll("#main tr[data-event]").forEach((el) => el.addEventListener("click", (ev) => {
    if (!ev.target.closest("a")) go({ event: el.dataset.event });
  }));
}
function drawPresence(el, people, claims) {
  const names = people.map((p) => p.person);
  const seen = [], gaps = [], said = [];
  people.forEach((p, i) => {
    if (p.last_seen && p.last_seen.date) seen.push({ value: [p.last_seen.date, i], text: p.last_seen.evidence });
    for (const g of p.gaps) gaps.push({ value: [i, g.start, g.end, g.days], reason: g.reason });
  });
  for (const c of claims) {
    const i = names.indexOf(c.subject.name), d = c.refers_to || c.made_on;
    if (i >= 0 && d) said.push({ value: [d, i], c });
  }
  chart(el).setOption({
    grid: { left: 130, right: 20, top: 30, bottom: 30 }, legend: { top: 0 },
    tooltip: { formatter: (x) => x.seriesName === "gap" ? `${esc(x.data.reason)}: ${x.data.value[1]} → ${x.data.value[2]} (${x.data.value[3]} days)`
      : x.seriesName === "claim" ? `${esc(x.data.c.type)} (${esc(x.data.c.factuality)})<br>${esc(x.data.c.evidence)}` : `last seen ${x.data.value[0]}<br>${esc(x.data.text)}` },
    xAxis: { type: "time", minInterval: 864e5, boundaryGap: ["5%", "5%"] },
    yAxis: { type: "category", data: names },
    series: [
      { name: "gap", type: "custom", itemStyle: { color: "#f2c1bc" }, renderItem: (params, api) => {
        const y = api.value(0), s = api.coord([api.value(1), y]), e = api.coord([api.value(2), y]);
        const h = api.size([0, 1])[1] * 0.35;
        return { type: "rect", shape: { x: s[0], y: s[1] - h / 2, width: Math.max(2, e[0] - s[0]), height: h }, style: api.style() };
      }, encode: { x: [1, 2], y: 0 }, data: gaps },
      { name: "claim", type: "scatter", symbol: "diamond", symbolSize: 11, itemStyle: { color: "#7650c7" }, data: said },
      { name: "last seen", type: "scatter", symbolSize: 14, itemStyle: { color: "#3a9a68" }, data: seen },
    ],
  });
}

window.__meta = api("", null);
window.__meta.then((meta) => {
  $("#plover-select").innerHTML = `<option value="">any</option>` +
    meta.plover_types.map((t) => `<option>${esc(t)}</option>`).join("");
}).catch(() => {}).finally(render);
