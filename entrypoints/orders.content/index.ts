import { defineContentScript } from 'wxt/utils/define-content-script';
import { copyText } from '../../components/clipboard';
import { pickLocale } from '../../lib/i18n';
import { toBackground } from '../../lib/messaging';
import { watchOrders } from '../../lib/page/order-watch';
import { adaptersFor, CONTENT_MATCHES } from '../../lib/platforms';

export default defineContentScript({
  matches: CONTENT_MATCHES,
  // Taobao's legacy list is sometimes embedded in an iframe (`?isFrame=true`).
  allFrames: true,
  runAt: 'document_idle',
  main(ctx) {
    const adapters = adaptersFor(new URL(location.href));
    if (!adapters.length) return;
    watchOrders({
      doc: document,
      adapters,
      signal: ctx.signal,
      locale: pickLocale(navigator.languages),
      report: (batch) => toBackground.sendMessage('ordersSeen', batch),
      messageFor: (key) => toBackground.sendMessage('messageFor', { key }),
      copy: (text) => copyText(text),
    });
  },
});
