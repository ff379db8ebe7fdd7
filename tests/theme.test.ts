import { describe, expect, it } from 'vitest';
import { themeCss } from '../src/lib/settings/theme.ts';

describe('themeCss', () => {
  it('writes the settings colours as the custom properties global.css reads', () => {
    expect(themeCss({ primary: '#123456', primaryDark: '#0a1b2c', accent: '#c0ffee', accentLight: '#f0e0d0' })).toBe(
      ':root {\n  --guinda: #123456;\n  --guinda-dark: #0a1b2c;\n  --gold: #c0ffee;\n  --gold-light: #f0e0d0;\n}\n',
    );
  });
});
