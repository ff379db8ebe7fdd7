/**
 * The settings' brand colours as CSS custom properties. The build bundles
 * this block into the site's stylesheet (a Vite virtual module, see
 * astro.config.mjs), so the colours reach the CSS without an inline style
 * and the strict CSP stays as it is.
 */
import type { Settings } from './site-settings.ts';

/** The id pages import the colour block by. */
export const THEME_MODULE = 'virtual:convoy-theme.css';

/**
 * The `:root` block of the brand colours, as global.css reads them.
 * @example themeCss({ primary: '#9f2241', … }) // ':root {\n  --guinda: #9f2241;\n …}\n'
 */
export function themeCss(colors: Settings['colors']): string {
  const properties = {
    '--guinda': colors.primary,
    '--guinda-dark': colors.primaryDark,
    '--gold': colors.accent,
    '--gold-light': colors.accentLight,
  };
  return `:root {\n${Object.entries(properties).map(([name, value]) => `  ${name}: ${value};`).join('\n')}\n}\n`;
}
