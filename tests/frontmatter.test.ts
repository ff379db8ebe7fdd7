import { describe, expect, it } from 'vitest';
import { normalizeText, parseYaml, splitFrontmatter } from '../src/lib/content/frontmatter.ts';

describe('splitFrontmatter', () => {
  it('separates the YAML between the fences from the body', () => {
    const split = splitFrontmatter('---\ntitle: Hola\n---\nTexto\n');
    expect(split.yaml?.trim()).toBe('title: Hola');
    expect(split.yamlLine).toBe(2);
    expect(split.body).toBe('Texto\n');
  });

  it('gives the file line on which the body starts', () => {
    // line 1 ---, 2 title, 3 summary, 4 ---, 5 blank, 6 Texto
    const split = splitFrontmatter('---\ntitle: Hola\nsummary: Algo\n---\n\nTexto\n');
    expect(split.bodyLine).toBe(5);
    expect(split.body.split('\n')[6 - split.bodyLine]).toBe('Texto');
  });

  it('strips a byte-order mark before the opening fence', () => {
    const split = splitFrontmatter('\uFEFF---\ntitle: Hola\n---\nTexto');
    expect(split.yaml?.trim()).toBe('title: Hola');
    expect(split.body).toBe('Texto');
  });

  it('accepts CRLF line ends and returns LF text', () => {
    const split = splitFrontmatter('---\r\ntitle: Hola\r\nsummary: Algo\r\n---\r\nUno\r\nDos\r\n');
    expect(split.yaml).toBe('title: Hola\nsummary: Algo\n');
    expect(split.body).toBe('Uno\nDos\n');
    expect(split.bodyLine).toBe(5);
  });

  it('accepts a BOM and CRLF together', () => {
    const split = splitFrontmatter('\uFEFF---\r\ntitle: Hola\r\n---\r\nTexto');
    expect(split.yaml).toBe('title: Hola\n');
    expect(split.body).toBe('Texto');
  });

  it('reports no YAML when the file does not start with a fence', () => {
    const split = splitFrontmatter('title: Hola\n\nTexto\n');
    expect(split.yaml).toBeUndefined();
    expect(split.body).toBe('title: Hola\n\nTexto\n');
    expect(split.bodyLine).toBe(1);
  });

  it('reports no YAML when the closing fence is missing', () => {
    expect(splitFrontmatter('---\ntitle: Hola\nTexto\n').yaml).toBeUndefined();
  });

  it('keeps a later --- line (a thematic break) in the body', () => {
    const split = splitFrontmatter('---\ntitle: Hola\n---\nUno\n---\nDos\n');
    expect(split.yaml).toBe('title: Hola\n');
    expect(split.body).toBe('Uno\n---\nDos\n');
  });

  it('accepts an empty frontmatter', () => {
    const split = splitFrontmatter('---\n---\nTexto');
    expect(split.yaml).toBe('');
    expect(split.body).toBe('Texto');
    expect(split.bodyLine).toBe(3);
  });
});

describe('normalizeText', () => {
  it('turns CRLF and lone CR into LF and drops the BOM', () => {
    expect(normalizeText('\uFEFFa\r\nb\rc\n')).toBe('a\nb\nc\n');
  });
});

describe('parseYaml', () => {
  const yaml = [
    'title: Hola', //          line 1
    'summary: Algo', //        line 2
    'date: 2023-02-27', //     line 3
    'image:', //               line 4
    '  src: hero.jpg', //      line 5
    '  alt: Un horizonte', //  line 6
    'draft: true', //          line 7
  ].join('\n');

  it('returns the data', () => {
    expect(parseYaml(yaml).data).toMatchObject({ title: 'Hola', image: { src: 'hero.jpg', alt: 'Un horizonte' }, draft: true });
  });

  it('keeps dates as the strings the author typed', () => {
    const data = parseYaml('date: 2023-02-27\nupdated: 2023-02-27T10:30:00-08:00\n').data as Record<string, unknown>;
    expect(data.date).toBe('2023-02-27');
    expect(data.updated).toBe('2023-02-27T10:30:00-08:00');
  });

  it('gives the line of a top-level key', () => {
    const parsed = parseYaml(yaml);
    expect(parsed.lineOf(['title'])).toBe(1);
    expect(parsed.lineOf(['date'])).toBe(3);
    expect(parsed.lineOf(['draft'])).toBe(7);
  });

  it('gives the line of a nested key', () => {
    const parsed = parseYaml(yaml);
    expect(parsed.lineOf(['image', 'alt'])).toBe(6);
    expect(parsed.lineOf(['image', 'src'])).toBe(5);
  });

  it('shifts lines by firstLine so they match the whole file', () => {
    // As in a Markdown file: the YAML starts on line 2, after the opening fence.
    const parsed = parseYaml(yaml, 2);
    expect(parsed.lineOf(['summary'])).toBe(3);
    expect(parsed.lineOf(['image', 'alt'])).toBe(7);
  });

  it('falls back to the line of the parent key for a missing nested key', () => {
    expect(parseYaml(yaml, 2).lineOf(['image', 'credit'])).toBe(5);
  });

  it('falls back to the first line for a missing top-level key', () => {
    expect(parseYaml(yaml, 2).lineOf(['stop'])).toBe(2);
  });

  it('reports no errors for valid YAML', () => {
    expect(parseYaml(yaml).errors).toEqual([]);
  });

  it('reports a syntax error on its file line when the YAML starts on line 2', () => {
    // file: 1 ---, 2 title, 3 summary, 4 title again
    const parsed = parseYaml('title: a\nsummary: b\ntitle: c\n', 2);
    expect(parsed.errors).toEqual([{ line: 4, code: 'DUPLICATE_KEY', message: 'Map keys must be unique' }]);
    expect(parsed.data).toBeUndefined();
  });

  it('reports a tab used as indentation on its line', () => {
    const parsed = parseYaml('title: x\nsummary: y\n\tstop: z\n', 5);
    expect(parsed.errors.map((e) => e.line)).toEqual([7]);
    expect(parsed.errors[0]?.message).toMatch(/tab/i);
  });
});

describe('parseYaml with a value that looks like a YAML alias', () => {
  it('reports an error instead of throwing', () => {
    const parsed = parseYaml('title: *Urgente\nsummary: x\n', 2);
    expect(parsed.data).toBeUndefined();
    expect(parsed.errors).toEqual([{ line: 2, message: 'Unresolved alias (the anchor must be set before the alias): Urgente' }]);
  });
});
