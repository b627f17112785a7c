import type { Shape } from '../model/service-model.ts';
import { compileJavaPattern } from './java-pattern.ts';

/**
 * The constraint texts for one scalar (or a collection's size), in AWS's wording. Lists and maps
 * use "length" for their entry count, as AWS does.
 */
export function sizeViolations(shape: Shape, size: number): string[] {
  const out: string[] = [];
  if (shape.max !== undefined && size > shape.max)
    out.push(`Member must have length less than or equal to ${shape.max}`);
  if (shape.min !== undefined && size < shape.min)
    out.push(`Member must have length greater than or equal to ${shape.min}`);
  return out;
}

export function scalarViolations(patterns: boolean, shape: Shape, value: unknown): string[] {
  switch (shape.type) {
    case 'string':
      return stringViolations(shape, value, patterns);
    case 'integer':
    case 'long':
    case 'float':
    case 'double':
      return numberViolations(shape, value);
    case 'boolean':
      return typeof value === 'boolean' ? [] : ['Member must be a boolean'];
    case 'timestamp':
      return value instanceof Date && !Number.isNaN(value.getTime()) ? [] : ['Member must be a timestamp'];
    case 'blob':
      return value instanceof Uint8Array ? sizeViolations(shape, value.length) : ['Member must be a blob'];
    default:
      return [`Member must be a ${shape.type}`];
  }
}

function stringViolations(shape: Shape, value: unknown, patterns: boolean): string[] {
  if (typeof value !== 'string') return ['Member must be a string'];
  const out: string[] = [];
  if (shape.enum && !shape.enum.includes(value))
    out.push(`Member must satisfy enum value set: [${shape.enum.join(', ')}]`);
  if (shape.pattern !== undefined && patterns) {
    // Patterns JS cannot compile (see java-pattern.ts) are skipped rather than guessed.
    const regex = compileJavaPattern(shape.pattern);
    if (regex && !regex.test(value))
      out.push(`Member must satisfy regular expression pattern: ${shape.pattern}`);
  }
  out.push(...sizeViolations(shape, value.length));
  return out;
}

function numberViolations(shape: Shape, value: unknown): string[] {
  if (typeof value !== 'number' || !Number.isFinite(value)) return ['Member must be a number'];
  if ((shape.type === 'integer' || shape.type === 'long') && !Number.isInteger(value))
    return ['Member must be an integer'];
  const out: string[] = [];
  if (shape.max !== undefined && value > shape.max)
    out.push(`Member must have value less than or equal to ${shape.max}`);
  if (shape.min !== undefined && value < shape.min)
    out.push(`Member must have value greater than or equal to ${shape.min}`);
  return out;
}
