// localStorage under the `parley-` prefix. Every access is guarded: storage can be disabled,
// full, or throw in private modes, and the widget must keep working without it.
export function load(key, fallback = null) {
  try {
    const text = localStorage.getItem(`parley-${key}`);
    return text == null ? fallback : JSON.parse(text);
  } catch {
    return fallback;
  }
}

export function save(key, value) {
  try {
    if (value == null || value === '') localStorage.removeItem(`parley-${key}`);
    else localStorage.setItem(`parley-${key}`, JSON.stringify(value));
  } catch {}
}
