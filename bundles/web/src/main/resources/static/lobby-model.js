// The lobby list as a Wesnoth client keeps it: the document of the last "gamelist" message,
// changed in place by each "gamelist_diff" (WML's diff: insert, delete, change_child,
// insert_child, delete_child, in that order). A node is {attribute: "text", child: [nodes]}.

export function applyDiff(node, diff) {
  for (const inserted of diff.insert || []) {
    for (const [key, value] of Object.entries(inserted)) {
      if (typeof value === "string") node[key] = value;
    }
  }
  for (const deleted of diff.delete || []) {
    for (const [key, value] of Object.entries(deleted)) {
      if (typeof value === "string") delete node[key];
    }
  }
  for (const change of diff.change_child || []) {
    const index = Number(change.index || 0);
    forEachChild(change, (tag, childDiff) => {
      const list = node[tag];
      if (!Array.isArray(list) || index >= list.length) {
        throw new Error(`diff names ${tag}[${index}], which the list does not have`);
      }
      applyDiff(list[index], childDiff);
    });
  }
  for (const insert of diff.insert_child || []) {
    const index = Number(insert.index || 0);
    forEachChild(insert, (tag, child) => {
      const list = Array.isArray(node[tag]) ? node[tag] : (node[tag] = []);
      list.splice(Math.min(index, list.length), 0, child);
    });
  }
  for (const removal of diff.delete_child || []) {
    const index = Number(removal.index || 0);
    forEachChild(removal, (tag) => {
      if (Array.isArray(node[tag])) node[tag].splice(index, 1);
    });
  }
}

function forEachChild(node, action) {
  for (const [tag, value] of Object.entries(node)) {
    if (Array.isArray(value)) for (const child of value) action(tag, child);
  }
}

export function games(lobby) {
  const list = (lobby.gamelist && lobby.gamelist[0]) || {};
  return list.game || [];
}

export function users(lobby) {
  return lobby.user || [];
}

// What the list shows of a game: its name, scenario, era, seats, observers and state.
export function describe(game, allUsers) {
  const slots = (game.slot_data && game.slot_data[0]) || {};
  const max = Number(slots.max || 0);
  const vacant = Number(slots.vacant || 0);
  const members = allUsers.filter((u) => u.game_id === game.id);
  return {
    id: game.id,
    name: game.name || "(unnamed)",
    scenario: game.mp_scenario_name || game.mp_scenario || "?",
    era: game.mp_era_name || game.mp_era || "?",
    seats: max ? `${max - vacant}/${max}` : "–",
    observers: game.observer === "no" ? "no observers" : `${members.filter((u) => u.status === "observing").length} watching`,
    running: game.started === "yes",
    password: game.password === "yes",
    players: members.filter((u) => u.status === "playing").map((u) => u.name),
  };
}
