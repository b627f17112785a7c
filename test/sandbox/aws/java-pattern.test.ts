import { describe, expect, it } from 'vitest';
import { compileJavaPattern } from '../../../sandbox/aws/validation/java-pattern.ts';

describe('compileJavaPattern', () => {
  it('compiles ordinary model patterns unchanged', () => {
    const regex = compileJavaPattern('^[a-zA-Z0-9_\\-.:/]{3,128}$');
    expect(regex?.test('AWS-RebootRdsInstance')).toBe(true);
    expect(regex?.test('no spaces allowed')).toBe(false);
  });

  it('accepts Java escapes that unicode-mode JS rejects', () => {
    const regex = compileJavaPattern('^[\\w\\.\\-\\:\\/ ]*$');
    expect(regex?.test('My doc: v1/2')).toBe(true);
  });

  it('translates \\A, \\z and POSIX classes, inside and outside brackets', () => {
    expect(compileJavaPattern('\\A\\p{Alpha}+\\z')?.test('abc')).toBe(true);
    expect(compileJavaPattern('\\A\\p{Alpha}+\\z')?.test('abc1')).toBe(false);
    expect(compileJavaPattern('^[\\p{Digit}_]+$')?.test('12_3')).toBe(true);
  });

  it('is not anchored implicitly (Smithy semantics)', () => {
    expect(compileJavaPattern('[0-9]{3}')?.test('ab123cd')).toBe(true);
  });

  it('gives up on constructs JS cannot express instead of guessing', () => {
    expect(compileJavaPattern('a++b')).toBeNull();
    expect(compileJavaPattern('(?>ab)c')).toBeNull();
    expect(compileJavaPattern('[a-z&&[^aeiou]]')).toBeNull();
  });
});
