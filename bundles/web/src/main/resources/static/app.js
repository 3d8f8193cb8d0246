// The web lobby: one WebSocket to /ws speaking ["name", [args], {kwargs}] (docs/web-protocol.md).
// Everything shown comes from the server's messages; text is always set as text, never as HTML.
import { applyDiff, games, users, describe } from "./lobby-model.js";

const $ = (id) => document.getElementById(id);
const PING_MILLIS = 30000;
const MAX_CHAT_LINES = 500;

let socket = null;
let lobby = {};
let myNick = "";
let pendingLogin = null;
let loggedIn = false;
let pinger = null;

function send(name, args = [], kwargs = {}) {
  if (socket && socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify([name, args, kwargs]));
}

function setStatus(text, good) {
  $("status").textContent = text;
  $("status").classList.toggle("good", !!good);
}

function connect() {
  const scheme = location.protocol === "https:" ? "wss:" : "ws:";
  socket = new WebSocket(`${scheme}//${location.host}/ws`);
  setStatus("connecting…");
  socket.onopen = () => {
    setStatus("connected", true);
    pinger = setInterval(() => send("ping"), PING_MILLIS);
  };
  socket.onmessage = (event) => {
    let message;
    try { message = JSON.parse(event.data); } catch { return; }
    if (!Array.isArray(message)) return;
    const [name, args = [], kwargs = {}] = message;
    const handler = handlers[name];
    if (handler) handler(args, kwargs);
  };
  socket.onclose = (event) => {
    clearInterval(pinger);
    const reason = event.reason ? `: ${event.reason}` : "";
    setStatus(`disconnected${reason}`);
    if (loggedIn) systemLine(`Disconnected${reason}. Reload the page to come back.`);
    else if (pendingLogin) showLoginError(`Disconnected${reason}`);
    loggedIn = false;
    $("login-button").disabled = false;
  };
}

const handlers = {
  mustlogin() {
    if (pendingLogin) {
      send("login", [pendingLogin.nick], pendingLogin.password ? { password: pendingLogin.password } : {});
    }
  },
  join_lobby() {
    loggedIn = true;
    myNick = pendingLogin ? pendingLogin.nick : "";
    pendingLogin = null;
    $("password").value = "";
    $("me").textContent = myNick;
    $("login-view").hidden = true;
    $("lobby-view").hidden = false;
    $("chat-input").focus();
  },
  gamelist(args, kwargs) {
    lobby = kwargs;
    render();
  },
  gamelist_diff(args, kwargs) {
    try {
      applyDiff(lobby, kwargs);
    } catch (e) {
      send("refresh_lobby"); // out of step: ask for the whole list again, as Wesnoth does
      return;
    }
    render();
  },
  message(args, kwargs) {
    if (!kwargs.sender || kwargs.sender === "server") {
      systemLine(kwargs.message || "");
    } else {
      chatLine(kwargs.sender, kwargs.message || "", kwargs.sender === myNick ? "mine" : "");
    }
  },
  whisper(args, kwargs) {
    chatLine(`${kwargs.sender} → you`, kwargs.message || "", "whisper");
  },
  error(args, kwargs) {
    const text = kwargs.message || args[0] || "Error";
    if (loggedIn) systemLine(text, "error");
    else {
      showLoginError(text);
      $("login-button").disabled = false;
      if (kwargs.password_request === "yes") $("password").focus();
    }
  },
  warning(args, kwargs) {
    systemLine(kwargs.message || "", "error");
  },
  pong() {},
};

function showLoginError(text) {
  $("login-error").textContent = text;
}

function appendLine(item) {
  const log = $("chat");
  const atBottom = log.scrollHeight - log.scrollTop - log.clientHeight < 40;
  log.append(item);
  while (log.children.length > MAX_CHAT_LINES) log.firstElementChild.remove();
  if (atBottom) log.scrollTop = log.scrollHeight;
}

function chatLine(who, text, kind) {
  const item = document.createElement("li");
  if (kind) item.className = kind;
  const time = document.createElement("time");
  time.textContent = new Date().toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
  const nick = document.createElement("b");
  nick.textContent = who;
  const body = document.createElement("span");
  body.textContent = text;
  item.append(time, nick, body);
  appendLine(item);
}

function systemLine(text, kind = "system") {
  const item = document.createElement("li");
  item.className = kind;
  item.textContent = text;
  appendLine(item);
}

function render() {
  const allUsers = users(lobby);
  const list = $("games");
  list.replaceChildren();
  for (const game of games(lobby)) {
    const g = describe(game, allUsers);
    const item = document.createElement("li");
    item.className = g.running ? "game running" : "game open";
    item.dataset.id = g.id;
    const title = document.createElement("div");
    title.className = "title";
    const name = document.createElement("b");
    name.textContent = g.name;
    const state = document.createElement("span");
    state.className = "state";
    state.textContent = g.running ? "running" : "waiting";
    title.append(name, state);
    const details = document.createElement("div");
    details.className = "details";
    details.textContent = `${g.scenario} · ${g.era} · seats ${g.seats} · ${g.observers}${g.password ? " · password" : ""}`;
    item.append(title, details);
    if (g.players.length) {
      const players = document.createElement("div");
      players.className = "players";
      players.textContent = g.players.join(", ");
      item.append(players);
    }
    list.append(item);
  }
  $("game-count").textContent = String(list.children.length);
  const people = $("users");
  people.replaceChildren();
  const sorted = [...allUsers].sort((a, b) => a.name.localeCompare(b.name));
  for (const user of sorted) {
    const item = document.createElement("li");
    item.textContent = user.name;
    item.className = user.status || "lobby";
    if (user.name === myNick) item.classList.add("me");
    item.title = user.status === "lobby" ? "in the lobby" : `${user.status} in game ${user.game_id}`;
    item.addEventListener("click", () => {
      $("chat-input").value = `/w ${user.name} `;
      $("chat-input").focus();
    });
    people.append(item);
  }
  $("user-count").textContent = String(sorted.length);
}

function submitChat(event) {
  event.preventDefault();
  const input = $("chat-input");
  const text = input.value.trim();
  if (!text) return;
  input.value = "";
  const whisper = text.match(/^\/(?:w|whisper|msg)\s+(\S+)\s+(.+)$/);
  const query = text.match(/^\/(?:query|q)\s+(.+)$/);
  if (whisper) {
    send("whisper", [whisper[1], whisper[2]]);
    chatLine(`you → ${whisper[1]}`, whisper[2], "whisper");
  } else if (query) {
    send("query", [query[1]]);
    systemLine(`/query ${query[1]}`);
  } else if (text.startsWith("/")) {
    systemLine("Commands: /w nick text (whisper), /query command (try /query help)");
  } else {
    send("chat", [text]);
    chatLine(myNick, text, "mine"); // the lobby sends a line to everyone but its sender, as wesnothd does
  }
}

function submitLogin(event) {
  event.preventDefault();
  const nick = $("nick").value.trim();
  if (!nick) return;
  pendingLogin = { nick, password: $("password").value };
  showLoginError("");
  $("login-button").disabled = true;
  if (!socket || socket.readyState > WebSocket.OPEN) {
    connect(); // "mustlogin" sends the login
  } else {
    handlers.mustlogin();
  }
}

$("login-form").addEventListener("submit", submitLogin);
$("chat-form").addEventListener("submit", submitChat);
setStatus("not connected");
