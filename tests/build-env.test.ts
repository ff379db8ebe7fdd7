import { describe, expect, it } from 'vitest';
import { buildEnv } from '../src/lib/build/build-env.ts';

const site = { url: 'https://convoy.example.mx', base: '/' };

describe('buildEnv', () => {
  it('takes URL and base from the settings when the environment is empty', () => {
    const env = buildEnv(site, {});
    expect(env.url).toBe('https://convoy.example.mx');
    expect(env.base).toBe('/');
    expect(env.contentDir).toBe('content');
    expect(env.preview).toBe(false);
  });

  it('normalizes a BASE_PATH written without slashes to /convoy/', () => {
    expect(buildEnv(site, { BASE_PATH: 'convoy' }).base).toBe('/convoy/');
  });

  it('normalizes a BASE_PATH with a leading slash only', () => {
    expect(buildEnv(site, { BASE_PATH: '/convoy' }).base).toBe('/convoy/');
  });

  it('keeps a nested BASE_PATH', () => {
    expect(buildEnv(site, { BASE_PATH: '/prensa/convoy/' }).base).toBe('/prensa/convoy/');
  });

  it('turns a BASE_PATH of / or empty into the root', () => {
    expect(buildEnv(site, { BASE_PATH: '/' }).base).toBe('/');
    expect(buildEnv(site, { BASE_PATH: '' }).base).toBe('/');
  });

  it('normalizes the base from the settings file too', () => {
    expect(buildEnv({ url: site.url, base: 'convoy' }, {}).base).toBe('/convoy/');
  });

  it('lets SITE_URL override the settings and drops its trailing slash', () => {
    expect(buildEnv(site, { SITE_URL: 'https://preview.example.mx/' }).url).toBe('https://preview.example.mx');
  });

  it('lets CONTENT_DIR choose another content folder', () => {
    expect(buildEnv(site, { CONTENT_DIR: 'tests/fixtures/site/content' }).contentDir).toBe('tests/fixtures/site/content');
  });

  it('turns preview on with PREVIEW=1, PREVIEW=true or in dev', () => {
    expect(buildEnv(site, { PREVIEW: '1' }).preview).toBe(true);
    expect(buildEnv(site, { PREVIEW: 'true' }).preview).toBe(true);
    expect(buildEnv(site, {}, true).preview).toBe(true);
  });

  it('leaves preview off for PREVIEW=0', () => {
    expect(buildEnv(site, { PREVIEW: '0' }).preview).toBe(false);
  });

  it('uses BUILD_NOW as the moment that decides what is published', () => {
    expect(buildEnv(site, { BUILD_NOW: '2023-03-01T12:00:00Z' }).now.toISOString()).toBe('2023-03-01T12:00:00.000Z');
  });

  it('uses the current time without BUILD_NOW', () => {
    const before = Date.now();
    const now = buildEnv(site, {}).now.getTime();
    expect(now).toBeGreaterThanOrEqual(before);
    expect(now).toBeLessThanOrEqual(Date.now());
  });

  it('refuses a BUILD_NOW that is not a date, saying how to write one', () => {
    expect(() => buildEnv(site, { BUILD_NOW: 'mañana' })).toThrow(
      'BUILD_NOW="mañana" is not a date. Use an ISO date such as 2023-03-01T12:00:00Z.',
    );
  });
});
