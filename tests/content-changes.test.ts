import { describe, expect, it } from 'vitest';
import { contentChange } from '../src/lib/content/content-changes.ts';

const DIR = '/site/content';

describe('contentChange', () => {
  it('tells a note version from the other files of its folder', () => {
    expect(contentChange(`${DIR}/notes/2023-02-27-x/index.es.md`, DIR)).toEqual({ kind: 'version', folder: `${DIR}/notes/2023-02-27-x` });
    expect(contentChange(`${DIR}/notes/2023-02-27-x/index.en.mdx`, DIR)).toEqual({ kind: 'version', folder: `${DIR}/notes/2023-02-27-x` });
    expect(contentChange(`${DIR}/notes/2023-02-27-x/hero.jpg`, DIR)).toEqual({ kind: 'noteFile', folder: `${DIR}/notes/2023-02-27-x` });
  });

  it('treats stops, topics and whole folders as data that every page may show', () => {
    expect(contentChange(`${DIR}/stops/japan.yaml`, DIR)).toEqual({ kind: 'data' });
    expect(contentChange(`${DIR}/topics.yaml`, DIR)).toEqual({ kind: 'data' });
    expect(contentChange(`${DIR}/notes/2023-02-27-x`, DIR)).toEqual({ kind: 'data' });
  });

  it('ignores files outside content/ and the files editors and systems leave behind', () => {
    expect(contentChange('/site/src/site.ts', DIR)).toEqual({ kind: 'ignored' });
    expect(contentChange(DIR, DIR)).toEqual({ kind: 'ignored' });
    expect(contentChange(`${DIR}/notes/2023-02-27-x/.es.md.swp`, DIR)).toEqual({ kind: 'ignored' });
    expect(contentChange(`${DIR}/notes/2023-02-27-x/index.es.md~`, DIR)).toEqual({ kind: 'ignored' });
    expect(contentChange(`${DIR}/.DS_Store`, DIR)).toEqual({ kind: 'ignored' });
  });
});
