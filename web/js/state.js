// Applies an event's patch to the state held by a screen (docs/protocol.md §4). Screens never
// re-implement the rules: registrations merge by id, turns/minutes/conclusions/invitations/walk-ins
// are set by position, every other key replaces the field.
const BY_POSITION = new Set(['turns', 'minutes', 'conclusions', 'invitations', 'walkIns']);

export function applyPatch(state, patch) {
  for (const [key, value] of Object.entries(patch || {})) {
    if (key === 'queueOps') {
      for (const op of value) applyPatch(state, 'remove' in op ? { queueRemove: op.remove } : { queueInsert: op });
    } else if (key === 'queueAppend') {
      state.queue = [...(state.queue || []), ...value];
    } else if (key === 'queueInsert') {
      const q = [...(state.queue || [])];
      q.splice(value.at, 0, value.id);
      state.queue = q;
    } else if (key === 'queueRemove') {
      state.queue = (state.queue || []).filter(id => id !== value);
    } else if (key === 'registrations') {
      state.registrations = { ...state.registrations, ...value };
    } else if (BY_POSITION.has(key)) {
      const list = [...(state[key] || [])];
      for (const [index, item] of Object.entries(value)) {
        const i = Number(index);
        if (i < list.length) list[i] = item; else list.push(item);
      }
      state[key] = list;
    } else {
      state[key] = value;
    }
  }
  return state;
}

/** The waiting registrations, in speaking order (staff screens: they hold every registration). */
export function queue(state) {
  return (state.queue || []).map(id => state.registrations[id]).filter(Boolean);
}

/** The next speakers by name and village (displays and phones: they hold only their own registrations). */
export function nextSpeakers(state) {
  return state.next || [];
}

/** All turns, the one on the floor last. */
export function allTurns(state) {
  return state.floor ? [...state.turns, state.floor] : state.turns;
}

export function currentStep(state) {
  return state.setup && state.stepIndex >= 0 ? state.setup.steps[state.stepIndex] : null;
}
