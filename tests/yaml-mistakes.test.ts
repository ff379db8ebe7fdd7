import { describe, expect, it } from 'vitest';
import { parseYaml } from '../src/lib/content/frontmatter.ts';
import { yamlMistakes } from '../src/lib/content/yaml-mistakes.ts';

const codesOf = (yaml: string) => yamlMistakes(parseYaml(yaml, 2).errors, yaml, 2).map(({ line, code }) => [line, code]);

describe('yamlMistakes', () => {
  it.each([
    ['title: "Hola\nstop: x\n', [[2, 'yamlQuote']]],
    ['topics: [a, b\nstop: x\n', [[2, 'yamlBracket']]],
    ['title: a\ntitle: b\n', [[3, 'yamlDuplicate']]],
    ['title: @hola\n', [[2, 'yamlReserved']]],
    ['image:\n\tsrc: a\n', [[3, 'yamlTab']]],
    ['title: a: b\n', [[2, 'yamlIndent']]],
    ['title: "a" b\n', [[2, 'yamlAfterQuote']]],
  ])('names the mistake in %j', (yaml, expected) => {
    expect(codesOf(yaml)).toEqual(expected);
  });

  // The yaml library's messages may be reworded or translated; its codes are the stable key.
  it('reads the error code, not the English message', () => {
    const errors = [
      { line: 2, code: 'MISSING_CHAR', message: 'Anführungszeichen fehlt' },
      { line: 3, code: 'DUPLICATE_KEY', message: 'Schlüssel doppelt' },
      { line: 4, code: 'TAB_AS_INDENT', message: 'Einrückung' },
    ];
    expect(yamlMistakes(errors, 'title: "Hola\ntitle: b\n\tx: 1\n', 2).map((m) => m.code)).toEqual(['yamlQuote', 'yamlDuplicate', 'yamlTab']);
  });

  it('keeps an unknown mistake with yaml\'s own words in the general message', () => {
    expect(yamlMistakes([{ line: 2, code: 'SOMETHING_NEW', message: 'odd thing' }], 'a: b\n', 2)).toEqual([{ line: 2, code: 'yaml', detail: 'odd thing' }]);
  });
});
