import { type ServiceModel, type Shape, shapeOf } from '../model/service-model.ts';
import { scalarViolations, sizeViolations } from './scalar-constraints.ts';
import type { ValidationIssue } from './validation-issue.ts';

export interface ValidateOptions {
  /**
   * Default true. Off when checking the emulator's own outputs: AWS's responses do not always match
   * their own patterns (SSM reports the action `aws:waitForAwsResourceProperty`, 26 letters, against
   * `^aws:[a-zA-Z]{3,25}$`).
   */
  patterns?: boolean;
}

/**
 * Checks a decoded value (strings, numbers, booleans, Dates, Uint8Arrays, arrays, plain objects)
 * against a model shape and returns every broken constraint, in AWS's wording. Pure: no I/O, no
 * protocol knowledge; the protocols turn the issues into their own error format.
 */
export function validateShape(
  model: ServiceModel,
  shapeName: string,
  value: unknown,
  options: ValidateOptions = {},
): ValidationIssue[] {
  const walk: Walk = { model, issues: [], patterns: options.patterns ?? true };
  visit(walk, shapeOf(model, shapeName), value, { path: [], members: [] });
  return walk.issues;
}

interface Walk {
  model: ServiceModel;
  issues: ValidationIssue[];
  patterns: boolean;
}

interface Location {
  path: string[];
  members: string[];
}

const COMPLEX = new Set(['structure', 'list', 'map']);

/** AWS spells member paths in lower camel case: `DocumentName` → `documentName`. */
function lowerFirst(name: string): string {
  return name.charAt(0).toLowerCase() + name.slice(1);
}

function issueAt(at: Location, shape: Shape, value: unknown, constraint: string): ValidationIssue {
  return {
    path: at.path.join('.'),
    members: at.members,
    kind: 'invalid',
    value,
    sensitive: shape.sensitive === true,
    constraint,
  };
}

function visit(walk: Walk, shape: Shape, value: unknown, at: Location): void {
  if (shape.type === 'structure') visitStructure(walk, shape, value, at);
  else if (shape.type === 'list') visitList(walk, shape, value, at);
  else if (shape.type === 'map') visitMap(walk, shape, value, at);
  else {
    for (const constraint of scalarViolations(walk.patterns, shape, value))
      walk.issues.push(issueAt(at, shape, value, constraint));
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function visitStructure(walk: Walk, shape: Shape, value: unknown, at: Location): void {
  if (!isRecord(value)) {
    walk.issues.push(issueAt(at, shape, value, 'Member must be a structure'));
    return;
  }
  for (const name of shape.required ?? []) {
    if (value[name] === undefined || value[name] === null) {
      walk.issues.push({
        path: [...at.path, lowerFirst(name)].join('.'),
        members: [...at.members, name],
        kind: 'missing',
        value: null,
        sensitive: false,
        constraint: 'Member must not be null',
      });
    }
  }
  let setCount = 0;
  for (const [name, ref] of Object.entries(shape.members ?? {})) {
    const inner = value[name];
    if (inner === undefined || inner === null) continue;
    setCount += 1;
    const next = { path: [...at.path, lowerFirst(name)], members: [...at.members, name] };
    visit(walk, shapeOf(walk.model, ref.shape), inner, next);
  }
  // A union is a structure with exactly one member set.
  if (shape.union && setCount !== 1) {
    walk.issues.push(issueAt(at, shape, value, 'Member must have exactly one member set'));
  }
}

function visitList(walk: Walk, shape: Shape, value: unknown, at: Location): void {
  if (!Array.isArray(value)) {
    walk.issues.push(issueAt(at, shape, value, 'Member must be a list'));
    return;
  }
  for (const constraint of sizeViolations(shape, value.length))
    walk.issues.push(issueAt(at, shape, value, constraint));
  const memberShape = shapeOf(walk.model, shape.member?.shape ?? '');
  if (COMPLEX.has(memberShape.type)) {
    value.forEach((item, index) => {
      const next = {
        path: [...at.path, String(index + 1), 'member'],
        members: [...at.members, String(index + 1)],
      };
      if (item !== undefined && item !== null) visit(walk, memberShape, item, next);
    });
    return;
  }
  // Lists of scalars are reported once, as AWS does: "Member must satisfy constraint: [...]".
  const inner = distinct(value.flatMap((item) => scalarViolations(walk.patterns, memberShape, item)));
  if (inner.length > 0) {
    walk.issues.push(issueAt(at, shape, value, `Member must satisfy constraint: [${inner.join(', ')}]`));
  }
}

function visitMap(walk: Walk, shape: Shape, value: unknown, at: Location): void {
  if (!isRecord(value)) {
    walk.issues.push(issueAt(at, shape, value, 'Member must be a map'));
    return;
  }
  const entries = Object.entries(value);
  for (const constraint of sizeViolations(shape, entries.length))
    walk.issues.push(issueAt(at, shape, value, constraint));
  const keyShape = shapeOf(walk.model, shape.key?.shape ?? '');
  const valueShape = shapeOf(walk.model, shape.value?.shape ?? '');
  const keyProblems = distinct(entries.flatMap(([key]) => scalarViolations(walk.patterns, keyShape, key)));
  if (keyProblems.length > 0) {
    walk.issues.push(
      issueAt(at, shape, value, `Map keys must satisfy constraint: [${keyProblems.join(', ')}]`),
    );
  }
  if (COMPLEX.has(valueShape.type)) {
    for (const [key, inner] of entries)
      visit(walk, valueShape, inner, { path: [...at.path, key], members: [...at.members, key] });
    return;
  }
  const valueProblems = distinct(
    entries.flatMap(([, inner]) => scalarViolations(walk.patterns, valueShape, inner)),
  );
  if (valueProblems.length > 0) {
    walk.issues.push(
      issueAt(at, shape, value, `Map value must satisfy constraint: [${valueProblems.join(', ')}]`),
    );
  }
}

function distinct(items: string[]): string[] {
  return [...new Set(items)];
}
