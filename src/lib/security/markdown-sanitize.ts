import { defineHastPlugin } from 'satteri';
import { DEFAULT_POLICY, isSafeUrl, sanitizeHtml, type SanitizePolicy } from './sanitize-html.ts';

/**
 * Sätteri hast plugin sanitizing raw HTML and Markdown link/image URLs; list it last so it sees what other plugins add.
 * @example satteri({ hastPlugins: [sanitizeMarkdownPlugin()] })
 */
export function sanitizeMarkdownPlugin(policy: SanitizePolicy = DEFAULT_POLICY) {
  return defineHastPlugin({
    name: 'sanitize-html',
    // Raw nodes hold fragments (an inline `<b>` and its `</b>` are separate nodes),
    // which is why `sanitizeHtml` leaves open tags open.
    raw(node, ctx) {
      const value = sanitizeHtml(node.value, policy);
      if (value !== node.value) ctx.replaceNode(node, { type: 'raw', value });
    },
    element: {
      // Links, autolinks and images written in Markdown syntax, which never go through `raw`.
      filter: ['a', 'img'],
      visit(node, ctx) {
        const property = node.tagName === 'a' ? 'href' : 'src';
        const url = node.properties[property];
        if (url !== undefined && url !== null && !isSafeUrl(String(url), policy)) {
          // `null` is how Astro's own plugins remove a property.
          ctx.setProperty(node, property, null);
        }
      },
    },
  });
}
