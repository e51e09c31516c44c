// The one place that knows which browser we run in (uBlock's platform/ shim, kept to a file).
// Chrome exposes `chrome.*`, Firefox `browser.*`; both return promises from the calls used here.
// Everything else imports `api` and the helpers below, never the globals.

export const api = globalThis.browser ?? globalThis.chrome;

export const isFirefox = typeof globalThis.browser !== "undefined" && /Firefox\//.test(navigator.userAgent);

/** Why a port closed: Chrome puts it in runtime.lastError during onDisconnect, Firefox on port.error. */
export function disconnectReason(port) {
  const error = port.error ?? api.runtime.lastError;
  return error?.message ?? "";
}

/** Send a message to the background; resolves to undefined instead of throwing when nobody listens. */
export async function sendToBackground(message) {
  try {
    return await api.runtime.sendMessage(message);
  } catch (error) {
    return { type: "error", code: "no_background", message: String(error?.message ?? error) };
  }
}

/** Which browser's manifest folder `decorum install-host --browser …` must write to. */
export function browserName() {
  if (isFirefox) return "firefox";
  const brands = (navigator.userAgentData?.brands ?? []).map((b) => b.brand);
  if (brands.includes("Microsoft Edge")) return "edge";
  if (brands.includes("Brave")) return "brave";
  if (brands.includes("Google Chrome")) return "chrome";
  return "chromium";
}
