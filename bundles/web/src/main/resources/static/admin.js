// The admin dashboard: signs in, then polls /admin/api/state every 5 s and renders it; actions run
// the server's admin commands through /admin/api/command with the session's CSRF token.
const $ = (id) => document.getElementById(id);
const REFRESH_MILLIS = 5000;
let csrf = "";
let timer = null;

async function api(path, body) {
  const options = body === undefined ? {} : {
    method: "POST",
    headers: { "Content-Type": "application/json", "X-CSRF-Token": csrf },
    body: JSON.stringify(body),
  };
  const response = await fetch(`/admin/api/${path}`, { credentials: "same-origin", ...options });
  let json = {};
  try { json = await response.json(); } catch { /* an empty or HTML answer */ }
  return { status: response.status, json };
}

function cell(row, text, className) {
  const td = row.insertCell();
  td.textContent = String(text);
  if (className) td.className = className;
  return td;
}

function fillTable(id, items, fill) {
  const body = $(id).tBodies[0];
  body.replaceChildren();
  for (const item of items) fill(body.insertRow(), item);
}

function bytes(n) {
  if (n < 1024) return `${n} B`;
  if (n < 1048576) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1048576).toFixed(1)} MB`;
}

function showSignIn(message) {
  clearInterval(timer);
  $("dash").hidden = true;
  $("logout").hidden = true;
  $("login-view").hidden = false;
  $("me").textContent = "";
  $("login-error").textContent = message || "";
}

async function refresh() {
  const { status, json } = await api("state");
  if (status === 401) { showSignIn(); return; }
  if (status !== 200) { $("status").textContent = `error ${status}`; return; }
  csrf = json.csrf;
  $("login-view").hidden = true;
  $("dash").hidden = false;
  $("logout").hidden = false;
  $("me").textContent = json.you;
  $("status").textContent = `updated ${new Date().toLocaleTimeString()}`;
  render(json);
}

function render(state) {
  fillTable("shards", state.shards, (row, s) => {
    cell(row, s.shard); cell(row, s.connections, "num"); cell(row, bytes(s.bytesRead), "num");
    cell(row, bytes(s.bytesWritten), "num"); cell(row, bytes(s.queuedBytes), "num");
  });
  const versions = $("versions");
  versions.replaceChildren();
  for (const [line, count] of Object.entries(state.versions)) {
    const item = document.createElement("li");
    item.textContent = `${line}: ${count}`;
    versions.append(item);
  }
  $("user-count").textContent = String(state.users.length);
  fillTable("users", state.users, (row, u) => {
    cell(row, u.name + (u.moderator ? " ★" : ""));
    cell(row, u.version);
    cell(row, u.game ? `${u.status} in ${u.game}` : u.status);
    cell(row, u.address);
  });
  $("game-count").textContent = String(state.games.length);
  const games = $("games");
  games.replaceChildren();
  for (const g of state.games) {
    const item = document.createElement("li");
    item.className = g.started ? "game running" : "game open";
    const title = document.createElement("div");
    title.className = "title";
    const name = document.createElement("b");
    name.textContent = `${g.id}. ${g.name}`;
    const st = document.createElement("span");
    st.className = "state";
    st.textContent = g.started ? `turn ${g.turn}` : "waiting";
    title.append(name, st);
    const details = document.createElement("div");
    details.className = "details";
    details.textContent = `${g.scenario || "?"} · host ${g.host}`;
    const members = document.createElement("div");
    members.className = "players";
    members.textContent = `players: ${(g.players || []).join(", ") || "none"}; observers: ${(g.observers || []).join(", ") || "none"}`;
    item.append(title, details, members);
    games.append(item);
  }
  fillTable("plugins", state.plugins, (row, p) => {
    cell(row, p.name.replace(/([/.])/g, "$1\u200b")); // a long bundle name may wrap at its dots and slash
    cell(row, p.role); cell(row, p.calls, "num");
    cell(row, p.state, p.state.startsWith("switched off") ? "state-off" : p.failures ? "state-warn" : "state-ok");
  });
  fillTable("bans", state.bans, (row, b) => {
    cell(row, b.mask + (b.nick ? ` (${b.nick})` : ""));
    cell(row, b.reason);
    cell(row, b.end === "permanent" ? "permanent" : new Date(b.end).toLocaleString());
    const button = document.createElement("button");
    button.className = "lift";
    button.textContent = "Lift";
    button.dataset.mask = b.mask;
    button.addEventListener("click", () => run("unban", b.mask));
    row.insertCell().append(button);
  });
  plot(state.activity);
  const log = $("log");
  const atBottom = log.scrollHeight - log.scrollTop - log.clientHeight < 30;
  log.textContent = state.log.join("\n");
  if (atBottom) log.scrollTop = log.scrollHeight;
}

function plot(points) {
  const width = 900, height = 160, pad = 24;
  const ns = "http://www.w3.org/2000/svg";
  const svg = document.createElementNS(ns, "svg");
  svg.setAttribute("viewBox", `0 0 ${width} ${height}`);
  svg.setAttribute("preserveAspectRatio", "none");
  const axis = document.createElementNS(ns, "line");
  axis.setAttribute("class", "axis");
  axis.setAttribute("x1", pad); axis.setAttribute("x2", width);
  axis.setAttribute("y1", height - pad); axis.setAttribute("y2", height - pad);
  svg.append(axis);
  if (points.length) {
    const start = points[0].at, end = Math.max(points[points.length - 1].at, start + 60000);
    const top = Math.max(1, ...points.map((p) => Math.max(p.players, p.turns)));
    const x = (t) => pad + (width - pad) * (t - start) / (end - start);
    const y = (v) => height - pad - (height - 2 * pad) * v / top;
    for (const key of ["players", "turns"]) {
      const line = document.createElementNS(ns, "polyline");
      line.setAttribute("class", key);
      line.setAttribute("points", points.map((p) => `${x(p.at).toFixed(1)},${y(p[key]).toFixed(1)}`).join(" "));
      svg.append(line);
      const last = points[points.length - 1];
      const dot = document.createElementNS(ns, "circle");
      dot.setAttribute("class", key);
      dot.setAttribute("cx", x(last.at).toFixed(1)); dot.setAttribute("cy", y(last[key]).toFixed(1));
      dot.setAttribute("r", "3.5");
      svg.append(dot);
    }
    const label = (text, lx, ly, anchor = "start") => {
      const t = document.createElementNS(ns, "text");
      t.setAttribute("x", lx); t.setAttribute("y", ly); t.setAttribute("text-anchor", anchor); t.textContent = text;
      svg.append(t);
    };
    label(String(top), 2, pad);
    label("0", 2, height - pad);
    label(new Date(start).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" }), pad, height - 6);
    label(new Date(end).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" }), width - 2, height - 6, "end");
  }
  $("plot").replaceChildren(svg);
}

async function run(command, args) {
  const { status, json } = await api("command", { command, arguments: args });
  $("reply").textContent = status === 200 ? json.reply : (json.error || `error ${status}`);
  if (status === 401) showSignIn(json.error);
  refresh();
}

$("login-form").addEventListener("submit", async (event) => {
  event.preventDefault();
  const token = $("token").value;
  const body = token ? { token } : { nick: $("nick").value.trim(), password: $("password").value };
  const { status, json } = await api("login", body);
  $("password").value = "";
  $("token").value = "";
  if (status !== 200) { $("login-error").textContent = json.error || `error ${status}`; return; }
  csrf = json.csrf;
  await refresh();
  timer = setInterval(refresh, REFRESH_MILLIS);
});

$("command-form").addEventListener("submit", (event) => {
  event.preventDefault();
  const text = $("command").value.trim();
  const space = text.indexOf(" ");
  run(space < 0 ? text : text.slice(0, space), space < 0 ? "" : text.slice(space + 1));
});

$("ban-form").addEventListener("submit", (event) => {
  event.preventDefault();
  run("ban", `${$("ban-mask").value.trim()} ${$("ban-time").value.trim()} ${$("ban-reason").value.trim()}`);
});

$("logout").addEventListener("click", async () => {
  await api("logout", {});
  showSignIn("Signed out.");
});

refresh().then(() => { if (!$("dash").hidden) timer = setInterval(refresh, REFRESH_MILLIS); });
