// The "connecting…" / "重新连接中…" line under the top bar, for pages that listen live.
import { byId, fill } from './dom.js';
import { onLangChange, t } from './i18n.js';

let shown = 'online';
const draw = () => {
  const el = byId('conn');
  if (!el) return;
  el.hidden = shown === 'online';
  el.className = `conn conn-${shown}`;
  fill(el, shown === 'online' ? '' : t(shown === 'connecting' ? 'connecting' : 'reconnecting'));
};
onLangChange(draw);

/** Shows the live connection's state: 'online' (hidden), 'connecting' or 'reconnecting'. */
export function showConnection(state) {
  shown = state;
  draw();
}
