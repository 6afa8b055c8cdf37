// The connection line in the header: live, reconnecting, or the last error.
import { $ } from './dom.js';

export function setStatus(text) {
  $('#connection').textContent = text;
}

/** Shows a failed load in the connection line (the page keeps what it has). */
export function showError(error) {
  setStatus(`Error: ${error.message}`);
}
